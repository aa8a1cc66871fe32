using Newtonsoft.Json;
using Newtonsoft.Json.Converters;

namespace Nop.Plugin.Misc.Gameball.Services.Orders;

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

/// <summary>
/// One attempt-tracked piece of work (an order or one of its reversals): its status, attempts,
/// next attempt, last error, and whether the last attempt may have landed.
/// </summary>
public abstract class SyncWork
{
    [JsonConverter(typeof(StringEnumConverter))]
    public SyncStatus Status { get; set; } = SyncStatus.Pending;

    public int Attempts { get; set; }

    public DateTime? LastAttemptUtc { get; set; }

    public DateTime? NextAttemptUtc { get; set; }

    public string? LastError { get; set; }

    /// <summary>The last attempt ended without an answer (timeout, dropped connection): it may have landed.</summary>
    public bool MayHaveLanded { get; set; }

    public DateTime? AcknowledgedUtc { get; set; }

    public bool IsDue(DateTime nowUtc) => Status == SyncStatus.Pending && (NextAttemptUtc is null || NextAttemptUtc <= nowUtc);

    public void MarkAcknowledged(DateTime nowUtc)
    {
        Status = SyncStatus.Sent;
        AcknowledgedUtc = nowUtc;
        NextAttemptUtc = null;
        LastError = null;
        MayHaveLanded = false;
    }

    public void MarkSkipped(string reason)
    {
        Status = SyncStatus.Skipped;
        NextAttemptUtc = null;
        LastError = reason;
    }

    /// <summary>A failed attempt: retried after a growing delay until the attempts run out, then failed for the admin.</summary>
    public void MarkAttemptFailed(string error, bool mayHaveLanded, DateTime nowUtc, int maxAttempts)
    {
        Attempts++;
        LastAttemptUtc = nowUtc;
        LastError = error;
        MayHaveLanded |= mayHaveLanded;
        if (Attempts >= Math.Max(1, maxAttempts))
        {
            Status = SyncStatus.Failed;
            NextAttemptUtc = null;
        }
        else
        {
            NextAttemptUtc = nowUtc + SyncBackoff.Delay(Attempts);
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
    }

    /// <summary>Nothing can succeed until the admin fixes the store's keys or account: wait, without spending attempts.</summary>
    public void MarkWaitingForConfiguration(string error, DateTime nowUtc)
    {
        LastAttemptUtc = nowUtc;
        LastError = error;
        NextAttemptUtc = nowUtc + SyncBackoff.ConfigurationRecheck;
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

    /// <summary>The admin's "retry now": as <see cref="ResetForRetry"/>, and an item waiting out its backoff is due now too.</summary>
    public void RetryNow()
    {
        ResetForRetry();
        if (Status == SyncStatus.Pending)
            NextAttemptUtc = null;
    }
}

/// <summary>The Gameball sync state of one order, kept as JSON in a generic attribute of the order.</summary>
public sealed class OrderSyncState : SyncWork
{
    /// <summary>The identity the order was first sent with (set before the first send, never changed).</summary>
    public TrackedOrderIdentity? Identity { get; set; }

    /// <summary>totalPaid as sent: the basis refunds are reversed against.</summary>
    public decimal? TrackedTotalPaid { get; set; }

    public decimal? RewardedPoints { get; set; }

    /// <summary>nopCommerce's refunded amount already turned into reversals.</summary>
    public decimal RefundedAmountSeen { get; set; }

    public List<RefundSyncState> Refunds { get; set; } = [];

    [JsonIgnore]
    public bool IsAcknowledged => Status == SyncStatus.Sent;

    [JsonIgnore]
    public bool IsFullyReversed => Refunds.Any(r => r.IsFullReversal);

    [JsonIgnore]
    public decimal ReversedAmount => Refunds.Where(r => r.Status != SyncStatus.Skipped).Sum(r => r.Amount);

    /// <summary>Pending while anything is pending, failed while anything failed, otherwise the order's own status.</summary>
    [JsonIgnore]
    public SyncStatus OverallStatus
    {
        get
        {
            if (Status is SyncStatus.Pending || Refunds.Any(r => r.Status == SyncStatus.Pending))
                return SyncStatus.Pending;
            if (Status is SyncStatus.Failed || Refunds.Any(r => r.Status == SyncStatus.Failed))
                return SyncStatus.Failed;
            return Status;
        }
    }

    /// <summary>When the next piece of work is due, if any is pending.</summary>
    [JsonIgnore]
    public DateTime? NextDueUtc
    {
        get
        {
            var due = new[] { Status == SyncStatus.Pending ? NextAttemptUtc ?? DateTime.MinValue : (DateTime?)null }
                .Concat(Refunds.Where(r => r.Status == SyncStatus.Pending).Select(r => (DateTime?)(r.NextAttemptUtc ?? DateTime.MinValue)))
                .Where(d => d.HasValue).ToList();
            return due.Count == 0 ? null : due.Min();
        }
    }
}

public enum ReversalReason
{
    Refund,
    Cancellation,
    Deletion
}

/// <summary>One reversal of an order in Gameball, with an id persisted before it is first sent.</summary>
public sealed class RefundSyncState : SyncWork
{
    public required string RefundTransactionId { get; set; }

    [JsonConverter(typeof(StringEnumConverter))]
    public ReversalReason Reason { get; set; }

    /// <summary>The amount reversed against the order's totalPaid.</summary>
    public decimal Amount { get; set; }

    /// <summary>Reverses whatever remained of the order.</summary>
    public bool IsFullReversal { get; set; }

    /// <summary>When the reversal was recorded: its transactionTime, resent unchanged on every retry.</summary>
    public DateTime CreatedUtc { get; set; }

    public decimal? ReversedPoints { get; set; }
}

/// <summary>Delays between attempts: exponential from 30 seconds, at most an hour, with jitter.</summary>
public static class SyncBackoff
{
    public static TimeSpan ConfigurationRecheck { get; } = TimeSpan.FromMinutes(15);

    public static TimeSpan Delay(int attempt)
    {
        var seconds = Math.Min(30 * Math.Pow(2, Math.Max(0, attempt - 1)), 3600);
        return TimeSpan.FromSeconds(seconds * (0.8 + (Random.Shared.NextDouble() * 0.4)));
    }
}
