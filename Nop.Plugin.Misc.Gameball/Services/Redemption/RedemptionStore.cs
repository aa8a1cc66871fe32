using Nop.Core.Domain.Customers;
using Nop.Plugin.Misc.Gameball.Services.Orders;
using Nop.Plugin.Misc.Gameball.Services.Outbox;

namespace Nop.Plugin.Misc.Gameball.Services.Redemption;

/// <summary>
/// Keeps a customer's points holds in nopCommerce's database as generic attributes of the customer (no plugin
/// tables): the holds as JSON (every store's, each naming its store), their overall outbox status for the sweep,
/// and the expiry of the newest active hold so the sweep finds carts abandoned past the hold's life.
/// </summary>
public class RedemptionStore
{
    public const string HoldsKey = "Gameball.PointsHolds";
    public const string StatusKey = "Gameball.PointsHoldsStatus";

    /// <summary>yyyyMMddHHmmss UTC of the earliest expiry of an active hold; empty when none is active.</summary>
    public const string HeldUntilKey = "Gameball.PointsHeldUntil";

    /// <summary>The order's redemption as the order card shows it (JSON of <see cref="OrderRedemption"/>).</summary>
    public const string OrderKey = "Gameball.PointsRedemption";

    public const int KeptDone = 30;

    private readonly StateAttributes _attributes;

    public RedemptionStore(StateAttributes attributes)
    {
        _attributes = attributes;
    }

    public async Task<List<PointsHold>> LoadAsync(Customer customer) =>
        Parse(await _attributes.GetAttributeAsync<string>(customer, HoldsKey));

    public static List<PointsHold> Parse(string? json) => OutboxList.Parse<PointsHold>(json);

    public async Task SaveAsync(Customer customer, List<PointsHold> holds)
    {
        var done = holds.Where(h => h.Phase is HoldPhase.Released or HoldPhase.Burned or HoldPhase.Returned or HoldPhase.NotHeld && h.OverallStatus != SyncStatus.Pending).ToList();
        if (done.Count > KeptDone)
            holds.RemoveAll(h => done.Take(done.Count - KeptDone).Contains(h));
        // an ended hold's requests went out (or never will): nothing sends them again, and every read of the holds would carry them
        foreach (var item in holds.Where(done.Contains).SelectMany(h => h.Steps.Prepend<OutboxItem>(h)))
        {
            if (item.Status is SyncStatus.Sent or SyncStatus.Skipped)
                item.Payload = null;
        }

        await _attributes.SaveAttributeAsync(customer, HoldsKey, OutboxList.Serialize(holds));
        await _attributes.SaveAttributeAsync(customer, StatusKey, OutboxList.OverallStatus(holds.Select(h => (OutboxItem)new StatusOnly(h.OverallStatus))).ToString());
        var heldUntil = holds.Where(h => h.IsActive && h.ExpiresUtc is not null).Select(h => h.ExpiresUtc!.Value).DefaultIfEmpty().Min();
        await _attributes.SaveAttributeAsync(customer, HeldUntilKey, heldUntil == default ? string.Empty : OrderSyncStateStore.SortableTime(heldUntil));
    }

    private sealed class StatusOnly : OutboxItem
    {
        public StatusOnly(SyncStatus status)
        {
            Status = status;
        }

        public override string Kind => string.Empty;

        public override string? IdempotencyKey => null;
    }
}

/// <summary>What an order paid with points, kept on the order for its admin card.</summary>
public sealed record OrderRedemption
{
    public required int CustomerId { get; init; }

    public required string HoldId { get; init; }

    public string? HoldReference { get; init; }

    public decimal Points { get; init; }

    public decimal Amount { get; init; }

    /// <summary>The burn's transactionId at Gameball (also sent in the tracked order's extra).</summary>
    public required string TransactionId { get; init; }
}
