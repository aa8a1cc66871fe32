using System.Globalization;
using Nop.Plugin.Misc.Gameball.Services.Api.Models;

namespace Nop.Plugin.Misc.Gameball.Services.Orders;

/// <summary>
/// Maps a nopCommerce order to Gameball's requests: pure functions, no I/O. Amounts are in the store's
/// primary currency, as nopCommerce stores them. The README's mapping table describes every field.
/// </summary>
public static class OrderRequestMapper
{
    public const string Channel = "web";

    /// <summary>Gameball's Track Order request for the order, with the identity persisted on its first send.</summary>
    public static TrackOrderRequest MapTrackOrder(OrderSnapshot snapshot, TrackedOrderIdentity identity)
    {
        var order = snapshot.Order;
        var giftCards = snapshot.Lines.Where(l => l.IsGiftCard).Sum(l => l.Item.PriceInclTax);

        // gift cards bought earn nothing: they are left out of the lines and of every total
        var totalPrice = order.OrderSubtotalInclTax + order.OrderShippingInclTax + order.PaymentMethodAdditionalFeeInclTax - giftCards;
        var totalPaid = NonNegative(order.OrderTotal - giftCards);

        return new TrackOrderRequest
        {
            CustomerId = identity.CustomerId,
            Email = NullIfBlank(snapshot.Email),
            Mobile = NullIfBlank(snapshot.Mobile),
            OrderId = identity.OrderId,
            OrderDate = identity.OrderDateUtc,
            TotalPaid = totalPaid,
            TotalPrice = NonNegative(totalPrice),
            // everything between the gross price and what was paid: discounts, reward points, gift cards used
            TotalDiscount = NonNegative(NonNegative(totalPrice) - totalPaid),
            TotalShipping = order.OrderShippingInclTax,
            TotalTax = order.OrderTax,
            LineItems = [.. snapshot.Lines.Where(l => !l.IsGiftCard).Select(MapLine)],
            Guest = snapshot.IsGuest,
            Channel = Channel,
            Merchant = MapMerchant(snapshot),
            Extra = Extra(snapshot),
        };
    }

    /// <summary>
    /// Gameball's refund request for one reversal. A partial reversal names its amount; the first and only
    /// reversal of a whole order names none, so Gameball reverses everything, campaign points included.
    /// </summary>
    public static RefundRequest MapRefund(OrderSnapshot snapshot, TrackedOrderIdentity identity, RefundSyncState refund, bool isOnlyReversal)
    {
        var wholeOrder = refund.IsFullReversal && isOnlyReversal;
        return new RefundRequest
        {
            CustomerId = identity.CustomerId,
            Email = NullIfBlank(snapshot.Email),
            Mobile = NullIfBlank(snapshot.Mobile),
            RefundTransactionId = refund.RefundTransactionId,
            ReverseTransactionId = identity.OrderId,
            TransactionTime = refund.CreatedUtc,
            RefundAmount = wholeOrder ? null : refund.Amount,
            Merchant = MapMerchant(snapshot),
            // nopCommerce refunds amounts, not lines: only a reversal of the whole order names its lines
            LineItems = refund.IsFullReversal ? [.. snapshot.Lines.Where(l => !l.IsGiftCard).Select(MapLine)] : null,
        };
    }

    /// <summary>
    /// The part of a nopCommerce refund (an amount of the order total) that reverses cashback: in proportion
    /// to what earned (totalPaid) over what was charged, never more than what remains.
    /// </summary>
    public static decimal ReversibleAmount(decimal refunded, decimal orderTotal, decimal trackedTotalPaid, decimal alreadyReversed)
    {
        var remaining = NonNegative(trackedTotalPaid - alreadyReversed);
        if (refunded <= 0 || orderTotal <= 0 || remaining == 0)
            return 0;
        var proportional = Math.Round(refunded * trackedTotalPaid / orderTotal, 2, MidpointRounding.AwayFromZero);
        return Math.Min(proportional, remaining);
    }

    internal static LineItem MapLine(OrderLineSnapshot line)
    {
        var item = line.Item;
        var quantity = Math.Max(item.Quantity, 0);
        // nopCommerce's unit price already has the item discount taken off; Gameball wants it before
        var unitBeforeDiscount = quantity == 0 ? item.UnitPriceExclTax : Math.Round((item.PriceExclTax + item.DiscountAmountExclTax) / quantity, 4, MidpointRounding.AwayFromZero);
        var extra = new Dictionary<string, object>();
        if (!string.IsNullOrWhiteSpace(line.ProductName))
            extra["title"] = line.ProductName;

        return new LineItem
        {
            ProductId = item.ProductId.ToString(CultureInfo.InvariantCulture),
            Sku = NullIfBlank(line.Sku),
            Quantity = quantity,
            Price = unitBeforeDiscount,
            Taxes = NonNegative(item.PriceInclTax - item.PriceExclTax),
            Discount = NonNegative(item.DiscountAmountExclTax),
            Weight = item.ItemWeight,
            Vendor = NullIfBlank(line.ManufacturerName),
            Category = line.CategoryNames.Count > 0 ? line.CategoryNames : null,
            Extra = extra.Count > 0 ? extra : null,
        };
    }

    private static MerchantInfo? MapMerchant(OrderSnapshot snapshot) => snapshot.IsMultiStore
        ? new MerchantInfo { UniqueId = "store-" + snapshot.Order.StoreId.ToString(CultureInfo.InvariantCulture), Name = NullIfBlank(snapshot.StoreName) }
        : null;

    // Gameball takes strings and numbers only in extra
    private static Dictionary<string, object> Extra(OrderSnapshot snapshot)
    {
        var extra = new Dictionary<string, object> { ["orderNumber"] = snapshot.Order.CustomOrderNumber ?? snapshot.Order.Id.ToString(CultureInfo.InvariantCulture) };
        if (!string.IsNullOrWhiteSpace(snapshot.PrimaryCurrencyCode))
            extra["currency"] = snapshot.PrimaryCurrencyCode;
        if (!string.IsNullOrWhiteSpace(snapshot.Order.PaymentMethodSystemName))
            extra["paymentMethod"] = snapshot.Order.PaymentMethodSystemName;
        // the points were burned at placement (POST /transactions/redeem) under this id: referenced, never burned again
        if (!string.IsNullOrWhiteSpace(snapshot.PointsRedemptionTransactionId))
            extra["pointsRedemption"] = snapshot.PointsRedemptionTransactionId;
        return extra;
    }

    private static decimal NonNegative(decimal value) => value < 0 ? 0 : value;

    private static string? NullIfBlank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}

/// <summary>The ids and time an order was first sent with; every retry and refund reuses them.</summary>
public sealed record TrackedOrderIdentity(string OrderId, string CustomerId, DateTime OrderDateUtc);
