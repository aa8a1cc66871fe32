using Nop.Core.Caching;
using Nop.Plugin.Misc.Gameball.Services.WebFarm;

namespace Nop.Plugin.Misc.Gameball.Services.Outbox;

/// <summary>
/// Runs one pass over an entity's outbox work under the entity's lock, with the time limits of
/// <see cref="OutboxTiming"/>: the pass is cancelled at its budget and its lock expires shortly after,
/// so a process that dies holding it delays the work by about a minute, not five. The lock is
/// nopCommerce's <see cref="ILocker"/> and, in a web farm, a claim in the database
/// (<see cref="OutboxClaims"/>): nopCommerce's distributed locker reads, then sets, so two nodes can
/// both think they hold it.
/// </summary>
public class OutboxProcessor
{
    private static readonly TimeSpan _busyRetry = TimeSpan.FromSeconds(5);
    private static readonly TimeSpan _resetLockExpiry = TimeSpan.FromSeconds(30);

    private readonly ILocker _locker;
    private readonly OutboxClaims _claims;
    private readonly WebFarmMembership _membership;
    private readonly IEnumerable<IOutboxSource> _sources;
    private readonly TimeProvider _timeProvider;

    public OutboxProcessor(ILocker locker, OutboxClaims claims, WebFarmMembership membership, IEnumerable<IOutboxSource> sources, TimeProvider timeProvider)
    {
        _locker = locker;
        _claims = claims;
        _membership = membership;
        _sources = sources;
        _timeProvider = timeProvider;
    }

    private DateTime Now => _timeProvider.GetUtcNow().UtcDateTime;

    /// <param name="retryNow">The admin's retry: failed work gets fresh attempts and work in backoff is sent at once.</param>
    public async Task<OutboxOutcome> ProcessAsync(OutboxAddress address, bool retryNow, CancellationToken cancellationToken)
    {
        var source = SourceOf(address);
        var settings = await source.SettingsOfAsync(address.EntityId);
        if (settings is null)
            return OutboxOutcome.Nothing;

        var pass = new OutboxPass(settings, OutboxTiming.For(settings), Now);
        using var budget = new CancellationTokenSource(pass.Timing.PassBudget, _timeProvider);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, budget.Token);
        OutboxOutcome? outcome = null;
        var locked = await RunExclusiveAsync(source, address.EntityId, pass.Timing.LockExpiry,
            async () => outcome = await source.ProcessAsync(address.EntityId, retryNow, pass, linked.Token));
        return locked && outcome is not null ? outcome : OutboxOutcome.LockBusy(Now + _busyRetry);
    }

    /// <summary>The admin's "retry all failed": failed work becomes due again; the dispatcher sends it.</summary>
    public async Task<bool> ResetFailedAsync(OutboxAddress address)
    {
        var source = SourceOf(address);
        var reset = false;
        await RunExclusiveAsync(source, address.EntityId, _resetLockExpiry, async () => reset = await source.ResetFailedAsync(address.EntityId));
        return reset;
    }

    /// <summary>
    /// Changes an entity's work under its lock (e.g. adds an admin's award), waiting a little for a pass
    /// that holds it; false when the lock stayed busy.
    /// </summary>
    public async Task<bool> UpdateAsync(OutboxAddress address, Func<Task> update, CancellationToken cancellationToken)
    {
        var source = SourceOf(address);
        for (var attempt = 0; attempt < 20; attempt++)
        {
            if (await RunExclusiveAsync(source, address.EntityId, _resetLockExpiry, update))
                return true;
            await Task.Delay(TimeSpan.FromMilliseconds(250), _timeProvider, cancellationToken);
        }

        return false;
    }

    /// <summary>Runs the action while this node alone holds the entity's work; false when another holds it.</summary>
    private async Task<bool> RunExclusiveAsync(IOutboxSource source, int entityId, TimeSpan expiry, Func<Task> action)
    {
        var lockKey = source.LockKey(entityId);
        var ran = false;
        var locked = await _locker.PerformActionWithLockAsync(lockKey, expiry, async () =>
        {
            if (!_membership.IsFarm)
            {
                ran = true;
                await action();
                return;
            }

            if (await _claims.TryClaimAsync(lockKey, entityId, expiry) is not { } claim)
                return;
            try
            {
                ran = true;
                await action();
            }
            finally
            {
                await _claims.ReleaseAsync(claim);
            }
        });
        return locked && ran;
    }

    /// <summary>Whether some source keeps outbox work on entities of the group.</summary>
    public bool Keeps(string entityGroup) => _sources.Any(s => s.EntityGroup == entityGroup);

    public IOutboxSource SourceOf(OutboxAddress address) =>
        _sources.FirstOrDefault(s => s.EntityGroup == address.EntityGroup)
        ?? throw new InvalidOperationException($"No outbox source keeps work on {address.EntityGroup}.");
}
