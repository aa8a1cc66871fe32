namespace Nop.Plugin.Misc.Gameball.Services.Outbox;

/// <summary>What a probe found out about an earlier send.</summary>
public enum OutboxProbeResult
{
    /// <summary>Gameball has the work: it is acknowledged without sending again.</summary>
    Landed,

    /// <summary>Gameball does not have it: send the persisted payload again.</summary>
    NotLanded,

    /// <summary>
    /// The kind has no way to ask: send the persisted payload again; Gameball's duplicate answer (9004
    /// on the same id) settles it.
    /// </summary>
    Unknown
}

/// <summary>
/// How one kind of work goes to Gameball: its send (the persisted payload, nothing recomputed) and its
/// probe (did an earlier, unanswered send land?). Everything else (write-ahead, lock, retries,
/// backoff, failure) is the outbox's, the same for every kind.
/// </summary>
public interface IOutboxHandler<in TItem>
    where TItem : OutboxItem
{
    Task<OutboxProbeResult> ProbeAsync(TItem item, OutboxPass pass, CancellationToken cancellationToken);

    /// <summary>Sends <see cref="OutboxItem.Payload"/> and records Gameball's answer (points) on the item; throws GameballApiException.</summary>
    Task SendAsync(TItem item, OutboxPass pass, CancellationToken cancellationToken);
}
