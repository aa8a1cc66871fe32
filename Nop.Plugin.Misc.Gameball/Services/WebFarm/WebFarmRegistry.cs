using System.Globalization;
using Nop.Core.Domain.Common;
using Nop.Data;

namespace Nop.Plugin.Misc.Gameball.Services.WebFarm;

/// <summary>
/// The farm's nodes as rows of nopCommerce's generic attribute table (no table of the plugin's own): one
/// row a node, which only that node writes, holding when its registration expires.
/// </summary>
public class WebFarmRegistry
{
    public const string KeyGroup = "Gameball.WebFarmNode";

    private readonly IRepository<GenericAttribute> _repository;

    public WebFarmRegistry(IRepository<GenericAttribute> repository)
    {
        _repository = repository;
    }

    /// <summary>Writes this node's registration, valid until <paramref name="expiresUtc"/>, and returns the nodes alive now (this one included).</summary>
    public async Task<IReadOnlyCollection<Guid>> BeatAsync(Guid nodeId, DateTime nowUtc, DateTime expiresUtc, TimeSpan clockSkew)
    {
        var key = nodeId.ToString("N");
        var rows = await _repository.Table.Where(a => a.KeyGroup == KeyGroup && a.EntityId == 0).ToListAsync();
        var mine = new GenericAttribute
        {
            Id = rows.FirstOrDefault(r => r.Key == key)?.Id ?? 0,
            KeyGroup = KeyGroup,
            EntityId = 0,
            Key = key,
            StoreId = 0,
            Value = expiresUtc.ToString("O", CultureInfo.InvariantCulture),
            CreatedOrUpdatedDateUTC = nowUtc,
        };
        if (mine.Id == 0)
            await _repository.InsertAsync(mine, publishEvent: false);
        else
            await _repository.UpdateAsync(mine, publishEvent: false);

        var live = new List<Guid> { nodeId };
        foreach (var row in rows.Where(r => r.Key != key))
        {
            if (ExpiresUtc(row) is { } expires && nowUtc <= expires + clockSkew && Guid.TryParseExact(row.Key, "N", out var other))
                live.Add(other);
            else
            {
                // a node that died without leaving; only this exact row, in case it has just come back
                var (id, value) = (row.Id, row.Value);
                await _repository.DeleteAsync(a => a.Id == id && a.Value == value);
            }
        }

        return live;
    }

    /// <summary>A node stopping leaves at once, so the others take over its share after the departure hold.</summary>
    public async Task LeaveAsync(Guid nodeId)
    {
        var key = nodeId.ToString("N");
        await _repository.DeleteAsync(a => a.KeyGroup == KeyGroup && a.EntityId == 0 && a.Key == key);
    }

    private static DateTime? ExpiresUtc(GenericAttribute row) =>
        DateTime.TryParseExact(row.Value, "O", CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var expires) ? expires : null;
}
