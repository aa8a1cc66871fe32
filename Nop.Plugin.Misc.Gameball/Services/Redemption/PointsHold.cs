using Newtonsoft.Json;
using Newtonsoft.Json.Converters;
using Nop.Plugin.Misc.Gameball.Services.Outbox;

namespace Nop.Plugin.Misc.Gameball.Services.Redemption;

/// <summary>Where a shopper's points hold stands, from the apply to its burn, release or return.</summary>
public enum HoldPhase
{
    /// <summary>The hold request is saved and being sent (the shopper waits on it).</summary>
    Holding,

    /// <summary>Gameball holds the points; the one-off gift card takes their value off the cart.</summary>
    Active,

    /// <summary>The cart or the amount changed, the shopper removed the points, signed out, or the hold's time ran out: the release is outbox work.</summary>
    Releasing,

    /// <summary>Gameball gave the points back (or the hold had expired there already).</summary>
    Released,

    /// <summary>An order used the gift card: the burn (POST /transactions/redeem) is outbox work.</summary>
    Placed,

    /// <summary>The points are spent on the order.</summary>
    Burned,

    /// <summary>The order was cancelled or wholly refunded after the burn: the points' return is outbox work or done.</summary>
    Returned,

    /// <summary>The hold was never made (Gameball refused or did not answer); nothing is held by the plugin.</summary>
    NotHeld
}

public enum HoldStepKind
{
    Release,
    Burn,
    Return
}

/// <summary>
/// A shopper's points hold, kept with the customer's other holds (a generic attribute of the customer): the
/// hold request itself is an outbox item (write-ahead with its id and payload, sent inline through
/// <see cref="OutboxRunner"/> because the shopper waits on the amount, never resent), and what follows it
/// (release, burn, return) are outbox items the customer's pass sends, retries and the sync log lists.
/// </summary>
public sealed class PointsHold : OutboxItem
{
    public const string ItemKind = "PointsHold";

    public override string Kind => ItemKind;

    public override string? IdempotencyKey => HoldId;

    /// <summary>The plugin's id of the hold (Gameball's hold has none of ours: it names it by its holdReference).</summary>
    public required string HoldId { get; set; }

    public int StoreId { get; set; }

    [JsonConverter(typeof(StringEnumConverter))]
    public HoldPhase Phase { get; set; }

    /// <summary>The points the shopper applied.</summary>
    public long Points { get; set; }

    /// <summary>The cart the hold was made for (items, quantities, attributes): any change releases it.</summary>
    public string CartKey { get; set; } = string.Empty;

    public DateTime CreatedUtc { get; set; }

    public string? HoldReference { get; set; }

    /// <summary>The money value Gameball held (primary store currency): the gift card's amount.</summary>
    public decimal HoldAmount { get; set; }

    public decimal HoldPoints { get; set; }

    /// <summary>When the hold runs out at Gameball (as the store's setting says; checked against Gameball at confirm).</summary>
    public DateTime? ExpiresUtc { get; set; }

    public int? GiftCardId { get; set; }

    public string? GiftCardCode { get; set; }

    public int? OrderId { get; set; }

    public string? OrderNumber { get; set; }

    /// <summary>What the order took off its total with the card (the burn is for this value).</summary>
    public decimal? UsedAmount { get; set; }

    /// <summary>Why the hold ended as it did, in the admin's words.</summary>
    public string? Note { get; set; }

    public HoldStep? Release { get; set; }

    public HoldStep? Burn { get; set; }

    public HoldStep? Return { get; set; }

    [JsonIgnore]
    public IEnumerable<HoldStep> Steps => new[] { Release, Burn, Return }.Where(s => s is not null)!;

    [JsonIgnore]
    public bool IsActive => Phase == HoldPhase.Active;

    /// <summary>Pending while a step is pending, failed while one failed, otherwise sent.</summary>
    [JsonIgnore]
    public SyncStatus OverallStatus
    {
        get
        {
            var items = Steps.Cast<OutboxItem>().Append(this).Where(i => i.Status != SyncStatus.Skipped).ToList();
            return items.Count == 0 ? SyncStatus.Skipped : OutboxList.OverallStatus(items);
        }
    }

    [JsonIgnore]
    public DateTime? NextDueUtc => Steps.Select(s => s.DueUtc).Where(d => d.HasValue).Min();
}

/// <summary>One piece of outbox work after a hold: its release (DELETE), its burn (POST /transactions/redeem) or the return of burned points (POST /transactions/refund).</summary>
public sealed class HoldStep : OutboxItem
{
    [JsonConverter(typeof(StringEnumConverter))]
    public HoldStepKind Step { get; set; }

    public override string Kind => "Points" + Step;

    public override string? IdempotencyKey => StepId;

    /// <summary>The release's hold reference; the burn's transactionId; the return's refundTransactionId.</summary>
    public required string StepId { get; set; }

    public string? HoldReference { get; set; }

    public DateTime CreatedUtc { get; set; }

    /// <summary>A burn by hold reference whose hold Gameball no longer has burns this many points instead (same transactionId).</summary>
    public long? FallbackPoints { get; set; }

    /// <summary>The points Gameball burned or gave back.</summary>
    public decimal? Points { get; set; }
}
