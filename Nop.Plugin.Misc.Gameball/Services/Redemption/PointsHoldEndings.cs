using System.Globalization;
using Newtonsoft.Json;
using Nop.Core.Domain.Customers;
using Nop.Core.Domain.Orders;
using Nop.Plugin.Misc.Gameball.Services.Api;
using Nop.Plugin.Misc.Gameball.Services.Api.Models;
using Nop.Plugin.Misc.Gameball.Services.Orders;
using Nop.Plugin.Misc.Gameball.Services.Outbox;
using Nop.Services.Orders;

namespace Nop.Plugin.Misc.Gameball.Services.Redemption;

/// <summary>
/// How an active hold ends: spent on the order that used its card (the burn becomes outbox work, keyed by the
/// order) or released (its card leaves the cart now, the release becomes outbox work). Whoever ends a hold (the
/// shopper, the cart's events, the sweep) comes here, and a hold whose card an order already used is always burned,
/// never released: nopCommerce commits the order and the card's use before it publishes the order, so a process
/// that stops in between leaves a used card behind an active hold, and releasing it would give the shopper the
/// points' value for nothing.
/// </summary>
public class PointsHoldEndings
{
    private readonly StateAttributes _attributes;
    private readonly IOrderService _orderService;
    private readonly RedemptionGiftCards _giftCards;
    private readonly TimeProvider _timeProvider;

    public PointsHoldEndings(StateAttributes attributes, IOrderService orderService, RedemptionGiftCards giftCards, TimeProvider timeProvider)
    {
        _attributes = attributes;
        _orderService = orderService;
        _giftCards = giftCards;
        _timeProvider = timeProvider;
    }

    private DateTime Now => _timeProvider.GetUtcNow().UtcDateTime;

    /// <summary>Ends the hold: burned for the order that used its card, if one did; otherwise released.</summary>
    public async Task EndAsync(Customer customer, PointsHold hold, string reason)
    {
        if (await _giftCards.FindUseAsync(hold) is { } use && await _orderService.GetOrderByIdAsync(use.OrderId) is { } order)
        {
            await BurnForOrderAsync(customer, hold, order, use.Amount);
            hold.Note = "The order was placed, but its points were not yet burned (" + reason + ")";
            return;
        }

        await _giftCards.RetireAsync(customer, hold);
        hold.Phase = HoldPhase.Releasing;
        hold.Note = reason;
        hold.Release ??= NewRelease(hold);
    }

    /// <summary>
    /// The order took <paramref name="used"/> off its total with the hold's card: the points are burned through the
    /// outbox by hold reference (or, when the order used less than the card, the hold is released and the value used
    /// is burned by amount), under one transactionId per order, so the burn happens once whenever the order is paid.
    /// The order keeps a record for its admin card.
    /// </summary>
    public async Task BurnForOrderAsync(Customer customer, PointsHold hold, Order order, decimal used)
    {
        var transactionId = RedemptionMath.BurnTransactionId(GameballIdentifiers.OrderId(order));
        var whole = used >= hold.HoldAmount - 0.005m;
        hold.Phase = HoldPhase.Placed;
        hold.OrderId = order.Id;
        hold.OrderNumber = order.CustomOrderNumber;
        hold.UsedAmount = used;
        if (!whole)
            hold.Release ??= NewRelease(hold);
        hold.Burn = new HoldStep
        {
            Step = HoldStepKind.Burn,
            StepId = transactionId,
            HoldReference = whole ? hold.HoldReference : null,
            FallbackPoints = whole ? (long)Math.Ceiling(hold.HoldPoints) : null,
            CreatedUtc = Now,
            Payload = GameballJson.Serialize(new RedeemRequest
            {
                CustomerId = GameballIdentifiers.CustomerId(customer),
                TransactionId = transactionId,
                TransactionTime = DateTime.SpecifyKind(order.CreatedOnUtc, DateTimeKind.Utc),
                HoldReference = whole ? hold.HoldReference : null,
                Amount = whole ? null : used,
                IgnoreOtp = true,
                Reason = "Order " + (order.CustomOrderNumber ?? order.Id.ToString(CultureInfo.InvariantCulture)),
            }),
        };
        await _giftCards.RetireAsync(customer, hold);
        var record = new OrderRedemption
        {
            CustomerId = customer.Id,
            HoldId = hold.HoldId,
            HoldReference = hold.HoldReference,
            Points = whole ? hold.HoldPoints : Math.Ceiling(used / (hold.HoldAmount / Math.Max(1, hold.HoldPoints))),
            Amount = used,
            TransactionId = transactionId,
        };
        await _attributes.SaveAttributeAsync(order, RedemptionStore.OrderKey, JsonConvert.SerializeObject(record));
    }

    /// <summary>The release of a hold: the call names the hold in its path; the payload keeps it as the work's persisted request.</summary>
    public HoldStep NewRelease(PointsHold hold) => new()
    {
        Step = HoldStepKind.Release,
        StepId = hold.HoldReference ?? hold.HoldId,
        HoldReference = hold.HoldReference,
        CreatedUtc = Now,
        Payload = GameballJson.Serialize(new { holdReference = hold.HoldReference }),
    };
}
