using Newtonsoft.Json;
using Newtonsoft.Json.Converters;

namespace Nop.Plugin.Misc.Gameball.Services.Outbox;

/// <summary>
/// One piece of work for Gameball, whatever its kind: the idempotency key and the payload (persisted
/// before the first send and resent unchanged), and the state machine every kind shares: status,
/// attempts, backoff, last error, acknowledgement, and the write-ahead in-flight marker.
/// </summary>
public abstract class OutboxItem
{
    /// <summary>What the work is (an order, a reversal, a manual award), for logs and the sync log.</summary>
    [JsonIgnore]
    public abstract string Kind { get; }

    /// <summary>The id Gameball de-duplicates this work on (orderId, refundTransactionId, transactionId).</summary>
    [JsonIgnore]
    public abstract string? IdempotencyKey { get; }

    /// <summary>The request body as first sent (Gameball's JSON); every retry sends exactly this.</summary>
    public string? Payload { get; set; }

    [JsonConverter(typeof(StringEnumConverter))]
    public SyncStatus Status { get; set; } = SyncStatus.Pending;

    public int Attempts { get; set; }

    public DateTime? LastAttemptUtc { get; set; }

    public DateTime? NextAttemptUtc { get; set; }

    public string? LastError { get; set; }

    /// <summary>An earlier send ended without a decisive answer (timeout, dropped connection, 5xx): it may have landed.</summary>
    public bool MayHaveLanded { get; set; }

    public DateTime? AcknowledgedUtc { get; set; }

    /// <summary>
    /// Write-ahead marker: a send began at this time and its outcome was never recorded. Saved before
    /// the request leaves; cleared by whatever the send comes to. Still set after a pass means the
    /// process died mid-send.
    /// </summary>
    public DateTime? InFlightSinceUtc { get; set; }

    /// <summary>
    /// Until when the pass that started that send may still be running (the expiry of the lock it
    /// held). Before then another node may be sending it right now; after, the send is only ambiguous.
    /// </summary>
    public DateTime? InFlightUntilUtc { get; set; }

    /// <summary>Gameball may already have this work: settle it (probe) before any resend.</summary>
    [JsonIgnore]
    public bool NeedsSettling => MayHaveLanded || InFlightSinceUtc is not null;

    public bool IsInFlightElsewhere(DateTime nowUtc) => InFlightUntilUtc > nowUtc;

    public bool IsDue(DateTime nowUtc) => Status == SyncStatus.Pending && (NextAttemptUtc is null || NextAttemptUtc <= nowUtc);

    /// <summary>When a pending item can next be worked on: its backoff, or the end of a send that may still be running elsewhere.</summary>
    [JsonIgnore]
    public DateTime? DueUtc
    {
        get
        {
            if (Status != SyncStatus.Pending)
                return null;
            var due = NextAttemptUtc ?? DateTime.MinValue;
            return InFlightUntilUtc is { } until && until > due ? until : due;
        }
    }

    /// <summary>Recorded (and saved by the caller) before the request leaves.</summary>
    public void MarkInFlight(DateTime nowUtc, DateTime untilUtc)
    {
        InFlightSinceUtc = nowUtc;
        InFlightUntilUtc = untilUtc;
        LastAttemptUtc = nowUtc;
    }

    public void MarkAcknowledged(DateTime nowUtc)
    {
        Status = SyncStatus.Sent;
        AcknowledgedUtc = nowUtc;
        NextAttemptUtc = null;
        LastError = null;
        MayHaveLanded = false;
        ClearInFlight();
    }

    public void MarkSkipped(string reason)
    {
        Status = SyncStatus.Skipped;
        NextAttemptUtc = null;
        LastError = reason;
        ClearInFlight();
    }

    /// <summary>A failed attempt: retried after a growing delay until the attempts run out, then failed for the admin.</summary>
    public void MarkAttemptFailed(string error, bool mayHaveLanded, DateTime nowUtc, int maxAttempts)
    {
        Attempts++;
        LastAttemptUtc = nowUtc;
        LastError = error;
        MayHaveLanded |= mayHaveLanded;
        ClearInFlight();
        if (Attempts >= Math.Max(1, maxAttempts))
        {
            Status = SyncStatus.Failed;
            NextAttemptUtc = null;
        }
        else
        {
            NextAttemptUtc = nowUtc + OutboxBackoff.Delay(Attempts);
        }
    }

    /// <summary>Gameball refused for good (invalid request): no point retrying the same request.</summary>
    public void MarkRefused(string error, DateTime nowUtc)
    {
        Attempts++;
        LastAttemptUtc = nowUtc;
        LastError = error;
        Status = SyncStatus.Failed;
        NextAttemptUtc = null;
        ClearInFlight();
    }

    /// <summary>Nothing can succeed until the admin fixes the store's keys or account: wait, without spending attempts.</summary>
    public void MarkWaitingForConfiguration(string error, DateTime nowUtc)
    {
        LastAttemptUtc = nowUtc;
        LastError = error;
        NextAttemptUtc = nowUtc + OutboxBackoff.ConfigurationRecheck;
        ClearInFlight();
    }

    /// <summary>
    /// This process gave up waiting for the answer (its pass ran out of time, or the application is
    /// stopping): the request may have landed, so the next pass probes first. Not Gameball's failure,
    /// so no attempt is spent.
    /// </summary>
    public void MarkAbandoned(DateTime nowUtc)
    {
        MayHaveLanded = true;
        NextAttemptUtc = nowUtc;
        ClearInFlight();
    }

    /// <summary>The admin's "retry": a failed item becomes due now, with fresh attempts.</summary>
    public void ResetForRetry()
    {
        if (Status != SyncStatus.Failed)
            return;
        Status = SyncStatus.Pending;
        Attempts = 0;
        NextAttemptUtc = null;
    }

    /// <summary>The admin's "retry now": failed work gets fresh attempts, work waiting in backoff is due at once.</summary>
    public void RetryNow()
    {
        ResetForRetry();
        if (Status == SyncStatus.Pending)
            NextAttemptUtc = null;
    }

    private void ClearInFlight()
    {
        InFlightSinceUtc = null;
        InFlightUntilUtc = null;
    }
}
