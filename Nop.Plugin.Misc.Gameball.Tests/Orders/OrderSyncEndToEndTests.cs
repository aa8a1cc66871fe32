using Nop.Core.Domain.Orders;
using Nop.Core.Domain.Payments;
using Nop.Core.Events;
using Nop.Plugin.Misc.Gameball.FakeGameball;
using Nop.Plugin.Misc.Gameball.Services.Orders;
using Nop.Plugin.Misc.Gameball.Tests.Support;

namespace Nop.Plugin.Misc.Gameball.Tests.Orders;

/// <summary>
/// Order tracking end to end: nopCommerce's events into the plugin, the dispatcher and the sweep, the
/// state in nopCommerce's database, a fake Gameball that keeps a ledger. Whatever happens, each paid
/// order lands once and each refund once.
/// </summary>
[TestFixture]
public class OrderSyncEndToEndTests
{
    private FakeGameballServer _fake = null!;
    private InMemoryNopStore _store = null!;
    private OrderSyncTestHost _host = null!;
    private Nop.Core.Domain.Catalog.Product _shirt = null!;
    private Nop.Core.Domain.Customers.Customer _maria = null!;

    [SetUp]
    public async Task SetUp()
    {
        _fake = await FakeGameballServer.StartAsync();
        _store = new InMemoryNopStore();
        _store.Settings[1] = OrderSyncTestHost.SettingsFor(_fake);
        _shirt = _store.AddProduct("Red shirt", 50m, "SHIRT-R", category: "Apparel", manufacturer: "Acme");
        _maria = _store.AddCustomer("maria@example.test");
        _host = await OrderSyncTestHost.StartAsync(_store);
    }

    [TearDown]
    public async Task TearDown()
    {
        await _host.DisposeAsync();
        await _fake.DisposeAsync();
    }

    private Order PaidOrder(int quantity = 2) => _store.AddPaidOrder(_maria, (_shirt, quantity));

    private TrackedOrder Tracked(Order order) => _fake.Ledger.Orders.Single(o => o.OrderId == order.OrderGuid.ToString());

    [Test]
    public async Task APaidOrderLandsOnceWithTheCustomersPointsAndItsStateIsKept()
    {
        var order = PaidOrder();

        await _host.PublishAsync(new OrderPaidEvent(order));
        await _host.WaitForStatusAsync(order, SyncStatus.Sent);

        var tracked = Tracked(order);
        tracked.CustomerId.Should().Be(_maria.CustomerGuid.ToString());
        tracked.TotalPaid.Should().Be(order.OrderTotal);
        tracked.Body["lineItems"]![0]!["productId"]!.GetValue<string>().Should().Be(_shirt.Id.ToString(System.Globalization.CultureInfo.InvariantCulture));
        tracked.Body["lineItems"]![0]!["category"]![0]!.GetValue<string>().Should().Be("Apparel");
        var state = await _host.StateOf(order);
        state!.RewardedPoints.Should().Be(tracked.Points);
        state.Attempts.Should().Be(0);
        _store.Attribute(order, OrderSyncStateStore.StatusKey).Should().Be("Sent");
        _fake.Requests.Should().OnlyContain(r => r.Violations.Count == 0);
    }

    [Test]
    public async Task TheEventOnlyQueuesTheOrder()
    {
        await using var idle = await OrderSyncTestHost.StartAsync(_store, startDispatcher: false);
        var order = PaidOrder();

        await idle.PublishAsync(new OrderPaidEvent(order));

        idle.Queue.Count.Should().Be(1);
        _fake.Requests.Should().BeEmpty("checkout never waits on Gameball");
        _store.Attribute(order, OrderSyncStateStore.StatusKey).Should().BeNull("not even the database is touched");
    }

    [Test]
    public async Task DuplicateEventsSendTheOrderOnce()
    {
        var order = PaidOrder();

        await Task.WhenAll(Enumerable.Range(0, 5).Select(_ => _host.PublishAsync(new OrderPaidEvent(order))));
        await _host.WaitForStatusAsync(order, SyncStatus.Sent);
        await _host.PublishAsync(new OrderPaidEvent(order));
        await Task.Delay(200);

        _fake.Ledger.TrackAttempts(order.OrderGuid.ToString()).Should().Be(1);
    }

    [Test]
    public async Task AnOutageThenRecoveryLosesNothing()
    {
        _fake.Faults.For(new Fault(FaultKind.ServiceUnavailable), TimeSpan.FromMinutes(5));
        var orders = Enumerable.Range(0, 5).Select(_ => PaidOrder()).ToList();

        foreach (var order in orders)
            await _host.PublishAsync(new OrderPaidEvent(order));
        foreach (var order in orders)
            await _host.WaitUntilAsync(async () => (await _host.StateOf(order))?.Attempts >= 1, because: "the first attempt fails");

        var failed = await _host.StateOf(orders[0]);
        failed!.Status.Should().Be(SyncStatus.Pending);
        failed.LastError.Should().Contain("503");
        failed.NextAttemptUtc.Should().BeAfter(_host.Clock.GetUtcNow().UtcDateTime);

        _fake.Faults.Clear();
        _host.Clock.Advance(TimeSpan.FromMinutes(2));
        await _host.SweepAsync();
        foreach (var order in orders)
            await _host.WaitForStatusAsync(order, SyncStatus.Sent);

        _fake.Ledger.Orders.Should().HaveCount(5);
    }

    [Test]
    public async Task A429StormIsWaitedOut()
    {
        _fake.Faults.For(new Fault(FaultKind.TooManyRequests), TimeSpan.FromMinutes(5));
        var order = PaidOrder();

        await _host.PublishAsync(new OrderPaidEvent(order));
        await _host.WaitUntilAsync(async () => (await _host.StateOf(order))?.Attempts >= 1);
        _fake.Faults.Clear();
        _host.Clock.Advance(TimeSpan.FromMinutes(2));
        await _host.SweepAsync();
        await _host.WaitForStatusAsync(order, SyncStatus.Sent);

        _fake.Ledger.Orders.Should().ContainSingle();
    }

    [Test]
    public async Task ATimeoutAfterGameballAcceptedIsSettledWithoutASecondOrder()
    {
        _fake.Faults.Next(new Fault(FaultKind.AcceptThenHang));
        var order = PaidOrder();

        await _host.PublishAsync(new OrderPaidEvent(order));
        await _host.WaitUntilAsync(async () => (await _host.StateOf(order))?.MayHaveLanded == true, because: "the send timed out");
        _host.Clock.Advance(TimeSpan.FromMinutes(2));
        await _host.SweepAsync();
        await _host.WaitForStatusAsync(order, SyncStatus.Sent);

        _fake.Ledger.Orders.Should().ContainSingle();
        _fake.Ledger.TrackAttempts(order.OrderGuid.ToString()).Should().Be(1, "a send that may have landed is never resent without a probe");
        _fake.Requests.Should().Contain(r => r.Method == "GET" && r.Path.EndsWith("/transactions", StringComparison.Ordinal), "the ambiguous send is settled by asking Gameball");
    }

    [Test]
    public async Task ARestartMidQueueCarriesOnFromTheDatabase()
    {
        _fake.Faults.For(new Fault(FaultKind.Latency, Delay: TimeSpan.FromMilliseconds(150)), TimeSpan.FromMinutes(5));
        var orders = Enumerable.Range(0, 20).Select(_ => PaidOrder()).ToList();
        foreach (var order in orders)
            await _host.PublishAsync(new OrderPaidEvent(order));
        await _host.WaitUntilAsync(() => Task.FromResult(_fake.Ledger.Orders.Count >= 3));

        await _host.DisposeAsync();
        var landedBeforeRestart = _fake.Ledger.Orders.Count;
        _fake.Faults.Clear();
        _host = await OrderSyncTestHost.StartAsync(_store);
        var found = await _host.SweepAsync();
        foreach (var order in orders)
            await _host.WaitForStatusAsync(order, SyncStatus.Sent);

        landedBeforeRestart.Should().BeLessThan(20);
        found.Should().BeGreaterThanOrEqualTo(20 - landedBeforeRestart);
        _fake.Ledger.Orders.Should().HaveCount(20);
        orders.Should().OnlyContain(o => _fake.Ledger.TrackAttempts(o.OrderGuid.ToString()) <= 2);
    }

    [Test]
    public async Task TheSweepFindsAPaidOrderWhoseEventWasMissed()
    {
        var missed = PaidOrder();
        var beforeTracking = PaidOrder();
        beforeTracking.PaidDateUtc = DateTime.UtcNow.AddDays(-3);
        var unpaid = _store.AddOrder(_maria, paid: false, (_shirt, 1));

        await _host.SweepAsync();
        await _host.WaitForStatusAsync(missed, SyncStatus.Sent);

        _fake.Ledger.Orders.Should().ContainSingle().Which.OrderId.Should().Be(missed.OrderGuid.ToString());
        _store.Attribute(unpaid, OrderSyncStateStore.StatusKey).Should().BeNull();
    }

    [Test]
    public async Task PartialThenFullRefundsReverseEachOnceAndNeverMoreThanWasPaid()
    {
        var order = PaidOrder();
        await _host.PublishAsync(new OrderPaidEvent(order));
        await _host.WaitForStatusAsync(order, SyncStatus.Sent);

        order.RefundedAmount = 30m;
        order.PaymentStatus = PaymentStatus.PartiallyRefunded;
        await _host.PublishAsync(new OrderRefundedEvent(order, 30m));
        await _host.PublishAsync(new OrderRefundedEvent(order, 30m));
        await _host.WaitUntilAsync(() => Task.FromResult(_fake.Ledger.Refunds.Count == 1));
        await _host.WaitForStatusAsync(order, SyncStatus.Sent);

        order.RefundedAmount = order.OrderTotal;
        order.PaymentStatus = PaymentStatus.Refunded;
        await _host.PublishAsync(new OrderRefundedEvent(order, order.OrderTotal - 30m));
        await _host.WaitUntilAsync(() => Task.FromResult(_fake.Ledger.Refunds.Count == 2));
        await _host.WaitForStatusAsync(order, SyncStatus.Sent);
        await _host.SweepAsync();
        await Task.Delay(200);

        var refunds = _fake.Ledger.Refunds.OrderBy(r => r.RefundTransactionId).ToList();
        refunds.Select(r => r.RefundTransactionId).Should().Equal($"{order.OrderGuid}-R1", $"{order.OrderGuid}-R2");
        refunds[0].Amount.Should().Be(30m);
        refunds.Sum(r => r.Amount).Should().Be(order.OrderTotal);
        refunds[1].Body["refundAmount"]!.GetValue<decimal>().Should().Be(order.OrderTotal - 30m, "the rest is named, not left to Gameball to work out");
    }

    [Test]
    public async Task ACancellationAfterAPartialRefundReversesTheRest()
    {
        var order = PaidOrder();
        await _host.PublishAsync(new OrderPaidEvent(order));
        await _host.WaitForStatusAsync(order, SyncStatus.Sent);
        order.RefundedAmount = 10m;
        order.PaymentStatus = PaymentStatus.PartiallyRefunded;
        await _host.PublishAsync(new OrderRefundedEvent(order, 10m));
        await _host.WaitUntilAsync(() => Task.FromResult(_fake.Ledger.Refunds.Count == 1));

        order.OrderStatus = OrderStatus.Cancelled;
        await _host.PublishAsync(new OrderStatusChangedEvent(order, OrderStatus.Processing));
        await _host.WaitUntilAsync(() => Task.FromResult(_fake.Ledger.Refunds.Count == 2));
        await _host.WaitForStatusAsync(order, SyncStatus.Sent);

        _fake.Ledger.Refunds.Sum(r => r.Amount).Should().Be(order.OrderTotal);
        (await _host.StateOf(order))!.Refunds.Last().Reason.Should().Be(ReversalReason.Cancellation);
    }

    [Test]
    public async Task AWholeRefundWithoutPartialsReversesTheWholeOrderWithItsLines()
    {
        var order = PaidOrder();
        await _host.PublishAsync(new OrderPaidEvent(order));
        await _host.WaitForStatusAsync(order, SyncStatus.Sent);

        order.RefundedAmount = order.OrderTotal + 50m;
        order.PaymentStatus = PaymentStatus.Refunded;
        await _host.PublishAsync(new OrderRefundedEvent(order, order.OrderTotal + 50m));
        await _host.WaitUntilAsync(() => Task.FromResult(_fake.Ledger.Refunds.Count == 1));

        var refund = _fake.Ledger.Refunds.Single();
        refund.Amount.Should().Be(order.OrderTotal, "a refund larger than the order reverses no more than the order");
        refund.Body.ContainsKey("refundAmount").Should().BeFalse();
        refund.Body["lineItems"]!.AsArray().Should().ContainSingle();
    }

    [Test]
    public async Task ADeletedOrderIsReversed()
    {
        var order = PaidOrder();
        await _host.PublishAsync(new OrderPaidEvent(order));
        await _host.WaitForStatusAsync(order, SyncStatus.Sent);

        order.Deleted = true;
        await _host.PublishAsync(new EntityDeletedEvent<Order>(order));
        await _host.WaitUntilAsync(() => Task.FromResult(_fake.Ledger.Refunds.Count == 1));

        (await _host.StateOf(order))!.Refunds.Single().Reason.Should().Be(ReversalReason.Deletion);
    }

    [Test]
    public async Task TheSweepReversesARefundWhoseEventWasMissed()
    {
        var order = PaidOrder();
        await _host.PublishAsync(new OrderPaidEvent(order));
        await _host.WaitForStatusAsync(order, SyncStatus.Sent);

        order.RefundedAmount = 20m;
        order.PaymentStatus = PaymentStatus.PartiallyRefunded;
        await _host.SweepAsync();
        await _host.WaitUntilAsync(() => Task.FromResult(_fake.Ledger.Refunds.Count == 1));
        await _host.SweepAsync();
        await Task.Delay(200);

        _fake.Ledger.Refunds.Should().ContainSingle().Which.Amount.Should().Be(20m);
    }

    [Test]
    public async Task ARefundWaitsUntilItsOrderIsAcknowledged()
    {
        _fake.Faults.For(new Fault(FaultKind.ServerError, PathContains: "orders"), TimeSpan.FromMinutes(5));
        var order = PaidOrder();
        order.RefundedAmount = 15m;
        order.PaymentStatus = PaymentStatus.PartiallyRefunded;

        await _host.PublishAsync(new OrderPaidEvent(order));
        await _host.WaitUntilAsync(async () => (await _host.StateOf(order))?.Attempts >= 1);
        (await _host.StateOf(order))!.Refunds.Should().BeEmpty();

        _fake.Faults.Clear();
        _host.Clock.Advance(TimeSpan.FromMinutes(2));
        await _host.SweepAsync();
        await _host.WaitUntilAsync(() => Task.FromResult(_fake.Ledger.Refunds.Count == 1));

        _fake.Ledger.Orders.Should().ContainSingle();
        _fake.Ledger.Refunds.Single().Amount.Should().Be(15m);
    }

    [Test]
    public async Task AnOrderCancelledBeforeItWasSentIsNeitherSentNorReversed()
    {
        await using var idle = await OrderSyncTestHost.StartAsync(_store, startDispatcher: false);
        var order = PaidOrder();
        order.OrderStatus = OrderStatus.Cancelled;

        await idle.ProcessNowAsync(order);

        _fake.Requests.Should().BeEmpty();
        var state = await idle.StateOf(order);
        state!.Status.Should().Be(SyncStatus.Skipped);
        state.LastError.Should().Contain("before it reached Gameball");
    }

    [Test]
    public async Task GuestOrdersFollowTheSetting()
    {
        var guest = _store.AddCustomer(null, registered: false);
        var skipped = _store.AddPaidOrder(guest, (_shirt, 1));
        _store.Settings[1].TrackGuestOrders = false;

        await _host.PublishAsync(new OrderPaidEvent(skipped));
        await _host.WaitForStatusAsync(skipped, SyncStatus.Skipped);
        _store.Settings[1].TrackGuestOrders = true;
        var tracked = _store.AddPaidOrder(guest, (_shirt, 1));
        await _host.PublishAsync(new OrderPaidEvent(tracked));
        await _host.WaitForStatusAsync(tracked, SyncStatus.Sent);

        var sent = _fake.Ledger.Orders.Should().ContainSingle().Subject;
        sent.Body["guest"]!.GetValue<bool>().Should().BeTrue();
        sent.Body["email"]!.GetValue<string>().Should().Be("guest@example.test", "a guest's billing email identifies them");
        (await _host.StateOf(skipped))!.LastError.Should().Contain("Guest orders are not tracked");
    }

    [Test]
    public async Task AnOrderWhoseCustomerWasDeletedStillLands()
    {
        var order = _store.AddPaidOrder(null, (_shirt, 1));

        await _host.PublishAsync(new OrderPaidEvent(order));
        await _host.WaitForStatusAsync(order, SyncStatus.Sent);

        Tracked(order).CustomerId.Should().Be($"order-{order.OrderGuid}");
    }

    [Test]
    public async Task OrdersWaitForTheKeysWithoutSpendingAttempts()
    {
        _store.Settings[1].SecretKey = null;
        var order = PaidOrder();

        await _host.PublishAsync(new OrderPaidEvent(order));
        await _host.WaitUntilAsync(async () => (await _host.StateOf(order))?.LastError is not null);
        var waiting = await _host.StateOf(order);
        _store.Settings[1].SecretKey = _fake.SecretKey;
        _host.Clock.Advance(TimeSpan.FromMinutes(20));
        await _host.SweepAsync();
        await _host.WaitForStatusAsync(order, SyncStatus.Sent);

        waiting!.Status.Should().Be(SyncStatus.Pending);
        waiting.Attempts.Should().Be(0);
        waiting.LastError.Should().Contain("not set");
        _fake.Ledger.Orders.Should().ContainSingle();
    }

    [Test]
    public async Task WrongKeysKeepOrdersWaitingInsteadOfFailingThem()
    {
        _store.Settings[1].ApiKey = "gb_wrong";
        _store.Settings[1].MaxSyncAttempts = 1;
        var order = PaidOrder();

        await _host.PublishAsync(new OrderPaidEvent(order));
        await _host.WaitUntilAsync(async () => (await _host.StateOf(order))?.LastError is not null);

        var state = await _host.StateOf(order);
        state!.Status.Should().Be(SyncStatus.Pending);
        state.Attempts.Should().Be(0);
        state.LastError.Should().Contain("401");
    }

    [Test]
    public async Task AfterTheLastAttemptTheOrderFailsForTheAdminWhoCanRetryIt()
    {
        _store.Settings[1].MaxSyncAttempts = 2;
        _fake.Faults.For(new Fault(FaultKind.ServerError), TimeSpan.FromMinutes(5));
        var order = PaidOrder();

        await _host.PublishAsync(new OrderPaidEvent(order));
        await _host.WaitUntilAsync(async () => (await _host.StateOf(order))?.Attempts >= 1);
        _host.Clock.Advance(TimeSpan.FromMinutes(5));
        await _host.SweepAsync();
        await _host.WaitForStatusAsync(order, SyncStatus.Failed);
        _store.NopLog.Should().Contain(l => l.Contains("marked failed"));

        _fake.Faults.Clear();
        await _host.SweepAsync();
        await Task.Delay(200);
        _fake.Ledger.Orders.Should().BeEmpty("a failed order waits for the admin");

        var outcome = await _host.ProcessNowAsync(order, retryFailed: true);

        outcome.Status.Should().Be(SyncStatus.Sent);
        _fake.Ledger.Orders.Should().ContainSingle();
    }

    [Test]
    public async Task EachStoreUsesItsOwnKeysWhateverTheCurrentStore()
    {
        await using var otherGameball = await FakeGameballServer.StartAsync(apiKey: "gb_store2_key", secretKey: "gb_store2_secret");
        _store.Stores.Add(new Nop.Core.Domain.Stores.Store { Id = 2, Name = "Second store" });
        _store.Settings[2] = OrderSyncTestHost.SettingsFor(otherGameball);
        var order = PaidOrder();
        order.StoreId = 2;

        await _host.PublishAsync(new OrderPaidEvent(order));
        await _host.WaitForStatusAsync(order, SyncStatus.Sent);

        _fake.Ledger.Orders.Should().BeEmpty();
        var landed = otherGameball.Ledger.Orders.Should().ContainSingle().Subject;
        landed.Body["merchant"]!["uniqueId"]!.GetValue<string>().Should().Be("store-2");
    }

    [Test]
    public async Task TrackingOffSkipsTheOrderAndItsLaterRefund()
    {
        _store.Settings[1].EnableOrderTracking = false;
        var order = PaidOrder();

        await _host.PublishAsync(new OrderPaidEvent(order));
        await _host.WaitForStatusAsync(order, SyncStatus.Skipped);
        order.RefundedAmount = 10m;
        order.PaymentStatus = PaymentStatus.PartiallyRefunded;
        await _host.PublishAsync(new OrderRefundedEvent(order, 10m));
        await Task.Delay(300);

        _fake.Requests.Should().BeEmpty("a refund of an order never sent reverses nothing");
    }
}
