using Nop.Plugin.Misc.Gameball.Services.Api;

namespace Nop.Plugin.Misc.Gameball.Services.Outbox;

/// <summary>
/// How long a pass may hold an entity's lock, and so how long work a dead process left in flight waits.
/// A pass makes single-attempt calls (the outbox, not the HTTP client, retries writes, so that every
/// resend is probed first): one step (probe, then send) takes at most two request timeouts. A pass is
/// cut off at <see cref="PassBudget"/> and starts no step it could not finish in time; the lock
/// outlives the budget by <see cref="SaveMargin"/>, so a live pass always holds its lock. With the
/// default 15 s timeout: budget 50 s, lock and in-flight marker 60 s (the old lock was 5 minutes).
/// </summary>
public sealed record OutboxTiming(TimeSpan RequestTimeout)
{
    /// <summary>Room for rate-limit waits and the state reads and writes of a pass.</summary>
    public static TimeSpan Slack { get; } = TimeSpan.FromSeconds(20);

    /// <summary>Between the end of a pass's budget and its lock's expiry: its last save.</summary>
    public static TimeSpan SaveMargin { get; } = TimeSpan.FromSeconds(10);

    public static OutboxTiming For(GameballSettings settings) => new(GameballCallPolicy.Background(settings).AttemptTimeout);

    /// <summary>The longest one step (probe, then send) can take.</summary>
    public TimeSpan Step => RequestTimeout * 2;

    public TimeSpan PassBudget => Step + Slack;

    /// <summary>
    /// The lock's expiry, also the in-flight marker's: a dead process's work is picked up (and probed)
    /// at most this long after its send started.
    /// </summary>
    public TimeSpan LockExpiry => PassBudget + SaveMargin;
}
