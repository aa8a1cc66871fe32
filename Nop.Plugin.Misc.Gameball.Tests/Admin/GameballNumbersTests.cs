using Microsoft.Extensions.DependencyInjection;
using Nop.Core.Domain.Catalog;
using Nop.Core.Domain.Customers;
using Nop.Core.Domain.Orders;
using Nop.Plugin.Misc.Gameball.Services.Admin;
using Nop.Plugin.Misc.Gameball.Tests.Support;

namespace Nop.Plugin.Misc.Gameball.Tests.Admin;

/// <summary>The configuration page's numbers, from orders really sent to a fake Gameball.</summary>
[TestFixture]
public class GameballNumbersTests : FakeGameballEndToEndTest
{
    private Product _shirt = null!;
    private Customer _maria = null!;

    protected override void Seed()
    {
        _shirt = Store.AddProduct("Red shirt", 50m, "SHIRT-R");
        _maria = Store.AddCustomer("maria@example.test");
    }

    private async Task<GameballNumbersModel> NumbersAsync(DateTime todayStartUtc, DateTime? nowUtc = null)
    {
        await using var scope = Host.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<GameballNumbers>().ComputeAsync(todayStartUtc, nowUtc ?? DateTime.UtcNow);
    }

    [Test]
    public async Task OrdersSentPointsAndReversalsAreCountedFromWhatGameballAcknowledged()
    {
        var empty = await NumbersAsync(DateTime.UtcNow.Date);
        empty.Should().Match<GameballNumbersModel>(n => n.OrdersToday == 0 && n.OrdersLast7Days == 0 && n.PointsLast7Days == 0 && n.LastSuccessUtc == null);

        var orders = new[] { Store.AddPaidOrder(_maria, (_shirt, 1)), Store.AddPaidOrder(_maria, (_shirt, 2)), Store.AddPaidOrder(_maria, (_shirt, 3)) };
        foreach (var order in orders)
            await Host.PublishAsync(new OrderPaidEvent(order));
        foreach (var order in orders)
            await Host.WaitForStatusAsync(order, SyncStatus.Sent);
        orders[0].OrderStatus = OrderStatus.Cancelled;
        await Host.PublishAsync(new OrderStatusChangedEvent(orders[0], OrderStatus.Processing));
        await Host.WaitUntilAsync(() => Task.FromResult(Fake.Ledger.Refunds.Count == 1), because: "the cancellation's reversal");
        await Host.WaitForStatusAsync(orders[0], SyncStatus.Sent);

        var numbers = await NumbersAsync(DateTime.UtcNow.Date);

        numbers.OrdersToday.Should().Be(3);
        numbers.OrdersLast7Days.Should().Be(3);
        numbers.PointsLast7Days.Should().Be(Fake.Ledger.Orders.Sum(o => o.Points));
        numbers.ReversedLast7Days.Should().Be(1);
        numbers.LastSuccessUtc.Should().BeCloseTo(DateTime.UtcNow, TimeSpan.FromMinutes(1));

        var tomorrow = await NumbersAsync(DateTime.UtcNow.Date.AddDays(1), DateTime.UtcNow.AddDays(1));
        tomorrow.OrdersToday.Should().Be(0, "today starts at the admin's midnight");
        tomorrow.OrdersLast7Days.Should().Be(3);
        (await NumbersAsync(DateTime.UtcNow.Date.AddDays(8), DateTime.UtcNow.AddDays(8))).OrdersLast7Days.Should().Be(0);
    }
}
