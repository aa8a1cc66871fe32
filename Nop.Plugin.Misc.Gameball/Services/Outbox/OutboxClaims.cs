using System.Globalization;
using Nop.Core.Domain.Common;
using Nop.Data;
using Nop.Plugin.Misc.Gameball.Services.WebFarm;

namespace Nop.Plugin.Misc.Gameball.Services.Outbox;

/// <summary>A node's claim on an entity's outbox work: its row in nopCommerce's generic attribute table.</summary>
public sealed record OutboxClaim(int RowId, string RowValue);

/// <summary>
/// Claims an entity's outbox work for one node of a web farm through the database every node shares,
/// atomically on SQL Server, MySQL and PostgreSQL, with nothing but nopCommerce's repository: a node
/// inserts its claim row, then reads the entity's claim rows, and holds the claim only when its own row
/// is the only live one; otherwise it deletes its row and tries later. Two nodes cannot both hold it:
/// each read sees every row committed before it began, so of two claims the later read sees the
/// earlier row. (Both may lose a close race; neither sends, and both try again.) A claim lasts as long
/// as the pass's lock; a dead node's row is ignored once it has expired.
/// </summary>
public class OutboxClaims
{
    public const string KeyGroup = "Gameball.OutboxClaim";

    private readonly IRepository<GenericAttribute> _repository;
    private readonly WebFarmMembership _membership;
    private readonly TimeProvider _timeProvider;

    public OutboxClaims(IRepository<GenericAttribute> repository, WebFarmMembership membership, TimeProvider timeProvider)
    {
        _repository = repository;
        _membership = membership;
        _timeProvider = timeProvider;
    }

    /// <returns>The claim, or null when another node holds the entity's work (or claimed it at the same moment).</returns>
    public async Task<OutboxClaim?> TryClaimAsync(string lockKey, int entityId, TimeSpan expiry)
    {
        var now = _timeProvider.GetUtcNow().UtcDateTime;
        var mine = new GenericAttribute
        {
            KeyGroup = KeyGroup,
            EntityId = entityId,
            Key = lockKey,
            StoreId = 0,
            Value = string.Create(CultureInfo.InvariantCulture, $"{_membership.NodeId:N}|{Guid.NewGuid():N}|{(now + expiry).ToString("O", CultureInfo.InvariantCulture)}"),
            CreatedOrUpdatedDateUTC = now,
        };
        await _repository.InsertAsync(mine, publishEvent: false);

        var rows = await _repository.Table.Where(a => a.KeyGroup == KeyGroup && a.EntityId == entityId && a.Key == lockKey).ToListAsync();
        var skew = _membership.Timing.ClockSkew;
        var others = rows.Where(r => r.Id != mine.Id).ToLookup(r => ExpiresUtc(r.Value) + skew < now);
        foreach (var stale in others[true])
        {
            var (id, value) = (stale.Id, stale.Value);
            await _repository.DeleteAsync(a => a.Id == id && a.Value == value);
        }

        if (!others[false].Any() && rows.Any(r => r.Id == mine.Id))
            return new OutboxClaim(mine.Id, mine.Value);

        await ReleaseAsync(new OutboxClaim(mine.Id, mine.Value));
        return null;
    }

    public async Task ReleaseAsync(OutboxClaim claim)
    {
        var (id, value) = (claim.RowId, claim.RowValue);
        await _repository.DeleteAsync(a => a.Id == id && a.Value == value);
    }

    /// <summary>When a claim row stops counting; an unreadable row (not written by this plugin) counts as expired and is tidied away.</summary>
    private static DateTime ExpiresUtc(string? value)
    {
        var at = value?.LastIndexOf('|') ?? -1;
        return at >= 0 && DateTime.TryParseExact(value.AsSpan(at + 1), "O", CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var expires)
            ? expires
            : DateTime.MinValue;
    }
}
