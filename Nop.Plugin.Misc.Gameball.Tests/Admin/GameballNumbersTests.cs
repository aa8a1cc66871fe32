using Microsoft.Extensions.DependencyInjection;
using Nop.Core.Domain.Catalog;
using Nop.Core.Domain.Customers;
using Nop.Core.Domain.Orders;
using Nop.Plugin.Misc.Gameball.FakeGameball;
using Nop.Plugin.Misc.Gameball.Services.Admin;
using Nop.Plugin.Misc.Gameball.Tests.Support;

namespace Nop.Plugin.Misc.Gameball.Tests.Admin;

/// <summary>The configuration page's numbers, from orders really sent to a fake Gameball.</summary>
[TestFixture]
public class GameballNumbersTests
{
    private FakeGameballServer _fake = null!;
    private InMemoryNopStore _store = null!;
    private OrderSyncTestHost _host = null!;
    private Product _shirt = null!;
    private Customer _maria = null!;

    [SetUp]
    public async Task SetUp()
    {
        _fake = await FakeGameballServer.StartAsync();
        _store = new InMemoryNopStore();
        _store.Settings[1] = OrderSyncTestHost.SettingsFor(_fake);
        _shirt = _store.AddProduct("Red shirt", 50m, "SHIRT-R");
        _maria = _store.AddCustomer("maria@example.test");
        _host = await OrderSyncTestHost.StartAsync(_store);
    }

    [TearDown]
    public async Task TearDown()
    {
        await _host.DisposeAsync();
        await _fake.DisposeAsync();
    }

    private async Task<GameballNumbersModel> NumbersAsync(DateTime todayStartUtc, DateTime? nowUtc = null)
    {
        await using var scope = _host.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<GameballNumbers>().ComputeAsync(todayStartUtc, nowUtc ?? DateTime.UtcNow);
    }

    [Test]
    public async Task OrdersSentPointsAndReversalsAreCountedFromWhatGameballAcknowledged()
    {
        var empty = await NumbersAsync(DateTime.UtcNow.Date);
        empty.Should().Match<GameballNumbersModel>(n => n.OrdersToday == 0 && n.OrdersLast7Days == 0 && n.PointsLast7Days == 0 && n.LastSuccessUtc == null);

        var orders = new[] { _store.AddPaidOrder(_maria, (_shirt, 1)), _store.AddPaidOrder(_maria, (_shirt, 2)), _store.AddPaidOrder(_maria, (_shirt, 3)) };
        foreach (var order in orders)
            await _host.PublishAsync(new OrderPaidEvent(order));
        foreach (var order in orders)
            await _host.WaitForStatusAsync(order, SyncStatus.Sent);
        orders[0].OrderStatus = OrderStatus.Cancelled;
        await _host.PublishAsync(new OrderStatusChangedEvent(orders[0], OrderStatus.Processing));
        await _host.WaitUntilAsync(() => Task.FromResult(_fake.Ledger.Refunds.Count == 1), because: "the cancellation's reversal");
        await _host.WaitForStatusAsync(orders[0], SyncStatus.Sent);

        var numbers = await NumbersAsync(DateTime.UtcNow.Date);

        numbers.OrdersToday.Should().Be(3);
        numbers.OrdersLast7Days.Should().Be(3);
        numbers.PointsLast7Days.Should().Be(_fake.Ledger.Orders.Sum(o => o.Points));
        numbers.ReversedLast7Days.Should().Be(1);
        numbers.LastSuccessUtc.Should().BeCloseTo(DateTime.UtcNow, TimeSpan.FromMinutes(1));

        var tomorrow = await NumbersAsync(DateTime.UtcNow.Date.AddDays(1), DateTime.UtcNow.AddDays(1));
        tomorrow.OrdersToday.Should().Be(0, "today starts at the admin's midnight");
        tomorrow.OrdersLast7Days.Should().Be(3);
        (await NumbersAsync(DateTime.UtcNow.Date.AddDays(8), DateTime.UtcNow.AddDays(8))).OrdersLast7Days.Should().Be(0);
    }
}
