using Newtonsoft.Json;
using Newtonsoft.Json.Converters;
using Nop.Plugin.Misc.Gameball.Services.Outbox;

namespace Nop.Plugin.Misc.Gameball.Services.Orders;

/// <summary>
/// The Gameball sync state of one order, kept as JSON in a generic attribute of the order: the order's
/// own outbox item (Track Order, keyed on the orderId) with its reversals, each an outbox item too.
/// Stores that ran earlier versions have the same JSON without payloads and in-flight markers.
/// </summary>
public sealed class OrderSyncState : OutboxItem
{
    public const string ItemKind = "Order";

    public override string Kind => ItemKind;

    public override string? IdempotencyKey => Identity?.OrderId;

    /// <summary>The identity the order was first sent with (set before the first send, never changed).</summary>
    public TrackedOrderIdentity? Identity { get; set; }

    /// <summary>totalPaid as sent: the basis refunds are reversed against.</summary>
    public decimal? TrackedTotalPaid { get; set; }

    public decimal? RewardedPoints { get; set; }

    /// <summary>
    /// Queued by the admin's backfill of past orders: an order refunded or cancelled before it reached
    /// Gameball is still sent, then reversed, so the customer's Gameball history matches the store's.
    /// </summary>
    public bool Backfilled { get; set; }

    /// <summary>The acknowledgement is in <see cref="OrderSyncStateStore.AcknowledgedKey"/> (for the configuration page's numbers).</summary>
    public bool AcknowledgementRecorded { get; set; }

    /// <summary>How many acknowledged reversals <see cref="OrderSyncStateStore.ReversedKey"/> counts.</summary>
    public int ReversalsRecorded { get; set; }

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
            var due = Refunds.Select(r => r.DueUtc).Prepend(DueUtc).Where(d => d.HasValue).ToList();
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
public sealed class RefundSyncState : OutboxItem
{
    public const string ItemKind = "Reversal";

    public override string Kind => ItemKind;

    public override string? IdempotencyKey => RefundTransactionId;

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
