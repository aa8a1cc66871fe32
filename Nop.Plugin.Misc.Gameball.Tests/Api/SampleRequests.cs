using Nop.Plugin.Misc.Gameball.Services.Api.Models;

namespace Nop.Plugin.Misc.Gameball.Tests.Api;

internal static class SampleRequests
{
    public static TrackOrderRequest Order(string orderId, decimal totalPaid = 120.50m, string customerId = "nop-customer-7") => new()
    {
        CustomerId = customerId,
        Email = "maria@example.test",
        OrderId = orderId,
        OrderDate = new DateTime(2026, 11, 20, 10, 15, 0, 250, DateTimeKind.Utc),
        TotalPaid = totalPaid,
        TotalPrice = totalPaid + 10m,
        TotalDiscount = 10m,
        TotalShipping = 5m,
        TotalTax = 8.25m,
        Channel = "web",
        Guest = false,
        Merchant = new MerchantInfo { UniqueId = "store-1", Name = "Café Ünïcode 商店" },
        LineItems =
        [
            new LineItem
            {
                ProductId = "17", Sku = "TSHIRT-RED-M", Quantity = 2, Price = 50m, Taxes = 8.25m, Discount = 10m, Weight = 0.4m,
                Vendor = "Acme", Category = ["Apparel", "T-shirts"], Extra = new Dictionary<string, object> { ["title"] = "Rotes T-Shirt – größe M" },
            },
            new LineItem { ProductId = "23", Sku = "MUG-01", Quantity = 1, Price = 30.5m },
        ],
        Extra = new Dictionary<string, object> { ["orderNumber"] = orderId, ["currency"] = "USD" },
    };

    public static CalculateCashbackRequest Cashback(decimal price, int quantity = 1) => new()
    {
        CustomerId = "nop-customer-7",
        TotalPaid = price * quantity,
        TotalDiscount = 0m,
        TotalShipping = 0m,
        LineItems = [new LineItem { ProductId = "55", Price = price, Quantity = quantity }],
    };
}
