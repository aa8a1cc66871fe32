namespace Nop.Plugin.Misc.Gameball.Services.Outbox;

/// <summary>Where a piece of outbox work stands; persisted by name (also in the status attribute the sweep and the sync log query).</summary>
public enum SyncStatus
{
    /// <summary>Not acknowledged by Gameball yet; will be (re)tried.</summary>
    Pending,

    /// <summary>Acknowledged by Gameball.</summary>
    Sent,

    /// <summary>Given up after the configured attempts or a permanent refusal; waits for an admin's retry.</summary>
    Failed,

    /// <summary>Deliberately not sent (tracking off, guest order, reversed before it was sent); the reason says why.</summary>
    Skipped
}
