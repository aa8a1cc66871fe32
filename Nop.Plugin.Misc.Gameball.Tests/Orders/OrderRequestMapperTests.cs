using System.Text.Json.Nodes;
using Nop.Core.Domain.Orders;
using Nop.Plugin.Misc.Gameball.FakeGameball;
using Nop.Plugin.Misc.Gameball.Services.Api;
using Nop.Plugin.Misc.Gameball.Services.Orders;

namespace Nop.Plugin.Misc.Gameball.Tests.Orders;

/// <summary>
/// nopCommerce orders mapped to Gameball's Track Order and refund requests, field by field, and checked
/// against the request schemas of Gameball's OpenAPI document.
/// </summary>
[TestFixture]
public class OrderRequestMapperTests
{
    private static readonly DateTime _created = new(2026, 11, 26, 9, 30, 15, 120, DateTimeKind.Utc);

    private static Order Order(decimal subtotalInclTax = 110m, decimal shipping = 5m, decimal tax = 10m, decimal total = 115m) => new()
    {
        Id = 42,
        OrderGuid = Guid.Parse("6f9619ff-8b86-d011-b42d-00c04fc964ff"),
        StoreId = 1,
        CustomOrderNumber = "42",
        CreatedOnUtc = _created,
        OrderSubtotalInclTax = subtotalInclTax,
        OrderSubtotalExclTax = subtotalInclTax - tax,
        OrderShippingInclTax = shipping,
        OrderTax = tax,
        OrderTotal = total,
        PaymentMethodSystemName = "Payments.CheckMoneyOrder",
    };

    private static OrderLineSnapshot Line(int productId, int quantity, decimal unitExclTax, decimal discountExclTax = 0, string? name = "Red shirt", bool giftCard = false) => new()
    {
        Item = new OrderItem
        {
            ProductId = productId,
            Quantity = quantity,
            UnitPriceExclTax = unitExclTax - (quantity == 0 ? 0 : discountExclTax / quantity),
            PriceExclTax = (unitExclTax * quantity) - discountExclTax,
            PriceInclTax = ((unitExclTax * quantity) - discountExclTax) * 1.1m,
            DiscountAmountExclTax = discountExclTax,
            ItemWeight = 0.25m,
        },
        ProductName = name,
        Sku = name is null ? null : $"SKU-{productId}",
        IsGiftCard = giftCard,
        CategoryNames = name is null ? [] : ["Apparel", "Shirts"],
        ManufacturerName = name is null ? null : "Acme",
    };

    private static OrderSnapshot Snapshot(Order order, params OrderLineSnapshot[] lines) => new()
    {
        Order = order,
        CustomerId = "0f8fad5b-d9cb-469f-a165-70867728950e",
        IsGuest = false,
        Email = "maria@example.test",
        Mobile = "+201001234567",
        Lines = lines,
        StoreName = "Main store",
        IsMultiStore = false,
        PrimaryCurrencyCode = "USD",
    };

    private static TrackedOrderIdentity Identity(OrderSnapshot s) => new(GameballIdentifiers.OrderId(s.Order), s.CustomerId, s.Order.CreatedOnUtc);

    private static IReadOnlyList<string> SchemaViolations(string method, string path, object request) =>
        OpenApiRequestValidator.Instance.Find(method, path)!.Validate(JsonNode.Parse(GameballJson.Serialize(request)));

    [Test]
    public void TrackOrderCarriesEveryFieldOfTheOrder()
    {
        var snapshot = Snapshot(Order(), Line(17, 2, 50m));

        var request = OrderRequestMapper.MapTrackOrder(snapshot, Identity(snapshot));

        request.CustomerId.Should().Be("0f8fad5b-d9cb-469f-a165-70867728950e");
        request.OrderId.Should().Be("6f9619ff-8b86-d011-b42d-00c04fc964ff", "the order's GUID, never its number");
        request.OrderDate.Should().Be(_created);
        request.Email.Should().Be("maria@example.test");
        request.Mobile.Should().Be("+201001234567");
        request.TotalPaid.Should().Be(115m);
        request.TotalPrice.Should().Be(115m, "items + shipping + payment fee, before order discounts");
        request.TotalDiscount.Should().Be(0m);
        request.TotalShipping.Should().Be(5m);
        request.TotalTax.Should().Be(10m);
        request.Guest.Should().BeFalse();
        request.Channel.Should().Be("web");
        request.Merchant.Should().BeNull("a single-store installation names no merchant");
        request.Extra.Should().Contain("orderNumber", "42").And.Contain("currency", "USD").And.Contain("paymentMethod", "Payments.CheckMoneyOrder");

        var line = request.LineItems.Should().ContainSingle().Subject;
        line.ProductId.Should().Be("17");
        line.Sku.Should().Be("SKU-17");
        line.Quantity.Should().Be(2);
        line.Price.Should().Be(50m);
        line.Taxes.Should().Be(10m, "tax of the whole line");
        line.Discount.Should().Be(0m);
        line.Weight.Should().Be(0.25m);
        line.Vendor.Should().Be("Acme");
        line.Category.Should().Equal("Apparel", "Shirts");
        line.Extra.Should().Contain("title", "Red shirt");
        GameballJson.Serialize(request).Should().Contain("\"orderDate\":\"2026-11-26T09:30:15.120Z\"");
        SchemaViolations("POST", "orders", request).Should().BeEmpty();
    }

    [Test]
    public void DiscountedLineSendsThePriceBeforeTheDiscountAndTheLinesDiscount()
    {
        var snapshot = Snapshot(Order(), Line(17, 3, 20m, discountExclTax: 6m));

        var line = OrderRequestMapper.MapTrackOrder(snapshot, Identity(snapshot)).LineItems!.Single();

        line.Price.Should().Be(20m);
        line.Discount.Should().Be(6m);
        ((line.Price * line.Quantity) - line.Discount + line.Taxes).Should().Be(snapshot.Lines[0].Item.PriceInclTax, "the line adds up to what nopCommerce charged");
    }

    [Test]
    public void GiftCardsBoughtEarnNothing()
    {
        var order = Order(subtotalInclTax: 165m, total: 170m);
        var snapshot = Snapshot(order, Line(17, 2, 50m), Line(99, 1, 50m, name: "Gift card $50", giftCard: true));

        var request = OrderRequestMapper.MapTrackOrder(snapshot, Identity(snapshot));

        request.LineItems.Should().ContainSingle().Which.ProductId.Should().Be("17");
        request.TotalPaid.Should().Be(170m - 55m);
        request.TotalPrice.Should().Be(170m - 55m);
    }

    [Test]
    public void WhatWasPaidWithRewardPointsOrGiftCardsIsADiscountNotCashback()
    {
        // nopCommerce's order total is what was charged: reward points and gift cards used are already off it
        var snapshot = Snapshot(Order(total: 95m), Line(17, 2, 50m));

        var request = OrderRequestMapper.MapTrackOrder(snapshot, Identity(snapshot));

        request.TotalPaid.Should().Be(95m);
        request.TotalDiscount.Should().Be(20m);
        (request.TotalPrice - request.TotalDiscount).Should().Be(request.TotalPaid);
    }

    [Test]
    public void ZeroTotalOrderIsAValidRequest()
    {
        var snapshot = Snapshot(Order(subtotalInclTax: 0, shipping: 0, tax: 0, total: 0), Line(17, 1, 0m));

        var request = OrderRequestMapper.MapTrackOrder(snapshot, Identity(snapshot));

        request.TotalPaid.Should().Be(0m);
        SchemaViolations("POST", "orders", request).Should().BeEmpty();
    }

    [Test]
    public void GuestOrderWithoutEmailAndADeletedProductIsStillValid()
    {
        var snapshot = Snapshot(Order(), Line(17, 1, 100m, name: null)) with { IsGuest = true, Email = null, Mobile = " " };

        var request = OrderRequestMapper.MapTrackOrder(snapshot, Identity(snapshot));

        request.Guest.Should().BeTrue();
        request.Email.Should().BeNull();
        request.Mobile.Should().BeNull();
        var line = request.LineItems!.Single();
        line.ProductId.Should().Be("17");
        line.Sku.Should().BeNull();
        line.Extra.Should().BeNull();
        line.Category.Should().BeNull();
        SchemaViolations("POST", "orders", request).Should().BeEmpty();
    }

    [Test]
    public void MultiStoreInstallationsNameTheStore()
    {
        var snapshot = Snapshot(Order(), Line(17, 1, 100m)) with { IsMultiStore = true, StoreName = "Boutique Zürich" };

        var request = OrderRequestMapper.MapTrackOrder(snapshot, Identity(snapshot));

        request.Merchant!.UniqueId.Should().Be("store-1");
        request.Merchant.Name.Should().Be("Boutique Zürich");
        SchemaViolations("POST", "orders", request).Should().BeEmpty();
    }

    [Test]
    public void AThousandLineUnicodeOrderIsASpecValidRequest()
    {
        var lines = Enumerable.Range(1, 1000).Select(i => Line(i, i % 7 + 1, 9.99m, name: $"Produkt Nr. {i} – 雨傘 ☂ «spécial»")).ToArray();
        var snapshot = Snapshot(Order(subtotalInclTax: 50_000m, total: 50_005m), lines);

        var request = OrderRequestMapper.MapTrackOrder(snapshot, Identity(snapshot));

        request.LineItems.Should().HaveCount(1000);
        request.LineItems![999].Extra!["title"].Should().Be("Produkt Nr. 1000 – 雨傘 ☂ «spécial»");
        SchemaViolations("POST", "orders", request).Should().BeEmpty();
    }

    [Test]
    public void AWholeOrderReversalNamesNoAmountAndEveryLine()
    {
        var snapshot = Snapshot(Order(), Line(17, 2, 50m));
        var refund = new RefundSyncState { RefundTransactionId = "x-R1", Amount = 115m, IsFullReversal = true, CreatedUtc = _created.AddDays(2), Reason = ReversalReason.Cancellation };

        var request = OrderRequestMapper.MapRefund(snapshot, Identity(snapshot), refund, isOnlyReversal: true);

        request.RefundAmount.Should().BeNull();
        request.ReverseTransactionId.Should().Be("6f9619ff-8b86-d011-b42d-00c04fc964ff");
        request.RefundTransactionId.Should().Be("x-R1");
        request.TransactionTime.Should().Be(_created.AddDays(2));
        request.LineItems.Should().ContainSingle();
        SchemaViolations("POST", "transactions/refund", request).Should().BeEmpty();
    }

    [Test]
    public void APartialReversalNamesItsAmountAndNoLines()
    {
        var snapshot = Snapshot(Order(), Line(17, 2, 50m));
        var refund = new RefundSyncState { RefundTransactionId = "x-R1", Amount = 30m, CreatedUtc = _created };

        var request = OrderRequestMapper.MapRefund(snapshot, Identity(snapshot), refund, isOnlyReversal: true);

        request.RefundAmount.Should().Be(30m);
        request.LineItems.Should().BeNull("nopCommerce refunds amounts, not lines");
        SchemaViolations("POST", "transactions/refund", request).Should().BeEmpty();
    }

    [Test]
    public void TheRestOfAPartlyReversedOrderNamesTheRemainingAmount()
    {
        var snapshot = Snapshot(Order(), Line(17, 2, 50m));
        var rest = new RefundSyncState { RefundTransactionId = "x-R2", Amount = 85m, IsFullReversal = true, CreatedUtc = _created };

        OrderRequestMapper.MapRefund(snapshot, Identity(snapshot), rest, isOnlyReversal: false).RefundAmount.Should().Be(85m);
    }

    [TestCase(30, 115, 115, 0, 30)]
    [TestCase(30, 115, 92, 0, 24)]
    [TestCase(200, 115, 115, 0, 115)]
    [TestCase(50, 115, 115, 100, 15)]
    [TestCase(10, 115, 115, 115, 0)]
    [TestCase(10, 0, 0, 0, 0)]
    public void ReversibleAmountIsProportionalAndNeverMoreThanRemains(decimal refunded, decimal orderTotal, decimal totalPaid, decimal reversed, decimal expected) =>
        OrderRequestMapper.ReversibleAmount(refunded, orderTotal, totalPaid, reversed).Should().Be(expected);

    [Test]
    public void IdentifiersAreTheGuids()
    {
        var customer = new Nop.Core.Domain.Customers.Customer { Id = 7, CustomerGuid = Guid.Parse("0f8fad5b-d9cb-469f-a165-70867728950e") };

        GameballIdentifiers.CustomerId(customer).Should().Be("0f8fad5b-d9cb-469f-a165-70867728950e");
        GameballIdentifiers.RefundTransactionId("abc", 3).Should().Be("abc-R3");
        GameballIdentifiers.OrphanOrderCustomerId(Order()).Should().Be("order-6f9619ff-8b86-d011-b42d-00c04fc964ff");
    }
}
