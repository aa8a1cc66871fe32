using Nop.Plugin.Misc.Gameball.Services.Api;

namespace Nop.Plugin.Misc.Gameball.Services.Outbox;

/// <summary>
/// One locked pass over an entity's outbox work: the store's settings and keys, the call policy of
/// every request in it, and its time limits.
/// </summary>
public sealed record OutboxPass(GameballSettings Settings, OutboxTiming Timing, DateTime StartedUtc)
{
    public GameballCredentials Credentials { get; } = GameballCredentials.FromSettings(Settings);

    /// <summary>One attempt per call: a write is never resent by the HTTP client, only by the outbox after a probe.</summary>
    public GameballCallPolicy Policy { get; } = GameballCallPolicy.Background(Settings) with { MaxRetries = 0 };

    public DateTime DeadlineUtc => StartedUtc + Timing.PassBudget;

    /// <summary>When the pass's lock expires: how long a send started in it counts as possibly still running.</summary>
    public DateTime LockExpiresUtc => StartedUtc + Timing.LockExpiry;

    public bool HasTimeForAStep(DateTime nowUtc) => nowUtc + Timing.Step <= DeadlineUtc;
}
