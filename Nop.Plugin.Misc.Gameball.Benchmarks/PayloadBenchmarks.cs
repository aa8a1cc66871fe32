using BenchmarkDotNet.Attributes;
using Nop.Core.Domain.Orders;
using Nop.Plugin.Misc.Gameball.Services.Api;
using Nop.Plugin.Misc.Gameball.Services.Orders;

namespace Nop.Plugin.Misc.Gameball.Benchmarks;

/// <summary>Building the Track Order payload (mapping and JSON) for orders of 1 to 1,000 lines.</summary>
[MemoryDiagnoser]
public class PayloadBenchmarks
{
    private OrderSnapshot _snapshot = null!;
    private TrackedOrderIdentity _identity = null!;

    [Params(1, 10, 100, 1000)]
    public int Lines { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var order = new Order { Id = 1, OrderGuid = Guid.NewGuid(), StoreId = 1, CustomOrderNumber = "1", CreatedOnUtc = DateTime.UtcNow, OrderTotal = Lines * 11m + 5m, OrderSubtotalInclTax = Lines * 11m, OrderShippingInclTax = 5m };
        _snapshot = new OrderSnapshot
        {
            Order = order,
            CustomerId = Guid.NewGuid().ToString(),
            IsGuest = false,
            Email = "bench@example.test",
            Lines = [.. Enumerable.Range(1, Lines).Select(i => new OrderLineSnapshot
            {
                Item = new OrderItem { ProductId = i, Quantity = 1, UnitPriceExclTax = 10m, PriceExclTax = 10m, PriceInclTax = 11m, ItemWeight = 0.5m },
                ProductName = $"Product {i} – ünïcode",
                Sku = $"SKU-{i}",
                CategoryNames = ["Apparel", "Shirts"],
                ManufacturerName = "Acme",
            })],
        };
        _identity = new TrackedOrderIdentity(order.OrderGuid.ToString(), _snapshot.CustomerId, order.CreatedOnUtc);
    }

    [Benchmark(Description = "Map order and serialize Track Order JSON")]
    public int BuildPayload() => GameballJson.Serialize(OrderRequestMapper.MapTrackOrder(_snapshot, _identity)).Length;
}
