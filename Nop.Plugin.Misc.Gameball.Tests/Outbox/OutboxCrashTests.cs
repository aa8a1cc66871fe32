using Microsoft.Extensions.DependencyInjection;
using Newtonsoft.Json;
using Nop.Core.Domain.Customers;
using Nop.Core.Domain.Orders;
using Nop.Core.Domain.Payments;
using Nop.Plugin.Misc.Gameball.FakeGameball;
using Nop.Plugin.Misc.Gameball.Models;
using Nop.Plugin.Misc.Gameball.Services.Admin;
using Nop.Plugin.Misc.Gameball.Services.Cashback;
using Nop.Plugin.Misc.Gameball.Services.Orders;
using Nop.Plugin.Misc.Gameball.Tests.Support;

namespace Nop.Plugin.Misc.Gameball.Tests.Outbox;

/// <summary>
/// A process killed mid-send while Gameball is slow: Gameball applies the request, the answer never
/// comes back, and nothing the first process would have done after the send reaches the store (its
/// writes are lost, its lock stays until it expires). A second process over the same store finds the
/// work the outbox wrote ahead (key, payload, in flight), waits out the dead lock, and probes Gameball
/// before it would ever send again: each order, reversal and award lands once, with one POST.
/// </summary>
[TestFixture]
public class OutboxCrashTests
{
    private FakeGameballServer _fake = null!;
    private InMemoryNopStore _store = null!;
    private ShiftableClock _clock = null!;
    private OrderSyncTestHost _first = null!;
    private OrderSyncTestHost? _second;
    private Nop.Core.Domain.Catalog.Product _shirt = null!;
    private Customer _maria = null!;

    [SetUp]
    public async Task SetUp()
    {
        _fake = await FakeGameballServer.StartAsync();
        _store = new InMemoryNopStore();
        // a slow Gameball: the first process's send must still be waiting when it dies
        _store.Settings[1] = OrderSyncTestHost.SettingsFor(_fake, s => s.RequestTimeout = 30);
        _store.Settings[0] = _store.Settings[1];
        _clock = new ShiftableClock();
        _store.LockClock = _clock;
        _shirt = _store.AddProduct("Red shirt", 50m, "SHIRT-R");
        _maria = _store.AddCustomer("maria@example.test");
        _first = await OrderSyncTestHost.StartAsync(_store, _clock);
    }

    [TearDown]
    public async Task TearDown()
    {
        if (_second is not null)
            await _second.DisposeAsync();
        await _first.DisposeAsync();
        await _fake.DisposeAsync();
    }

    private static OutboxTiming Timing(GameballSettings settings) => OutboxTiming.For(settings);

    /// <summary>Kills the first process, starts the second over the same store, and lets the dead process's lock expire.</summary>
    private async Task<OrderSyncTestHost> CrashAndRestartAsync()
    {
        _first.Kill();
        _second = await OrderSyncTestHost.StartAsync(_store, _clock);
        return _second;
    }

    private IReadOnlyList<RecordedRequest> Requests() => [.. _fake.Requests];

    /// <summary>Every POST to <paramref name="path"/> after the first is preceded, since the one before, by a probe.</summary>
    private void EveryResendIsProbedFirst(string path, string probePath)
    {
        var requests = Requests();
        var posts = requests.Select((r, i) => (r, i)).Where(x => x.r.Method == "POST" && x.r.Path.EndsWith(path, StringComparison.Ordinal)).Select(x => x.i).ToList();
        for (var n = 1; n < posts.Count; n++)
        {
            requests.Skip(posts[n - 1] + 1).Take(posts[n] - posts[n - 1] - 1)
                .Should().Contain(r => r.Method == "GET" && r.Path.Contains(probePath, StringComparison.Ordinal), "a resend of work that may have landed is probed first");
        }
    }

    [Test]
    public async Task AnOrderAcceptedByGameballWhenTheProcessDiedIsProbedNotPostedAgain()
    {
        var order = _store.AddPaidOrder(_maria, (_shirt, 2));
        var orderId = order.OrderGuid.ToString();
        _fake.Faults.Next(new Fault(FaultKind.AcceptThenHang, PathContains: "orders"));

        await _first.PublishAsync(new OrderPaidEvent(order));
        await _first.WaitUntilAsync(() => Task.FromResult(_fake.Ledger.Orders.Count == 1), because: "Gameball applies the order and never answers");

        var written = OrderSyncStateStore.Parse(_store.Attribute(order, OrderSyncStateStore.StateKey));
        written!.InFlightSinceUtc.Should().NotBeNull("the send was written ahead");
        written.Payload.Should().Contain(orderId);
        _store.Attribute(order, OrderSyncStateStore.StatusKey).Should().Be("Pending");

        var second = await CrashAndRestartAsync();
        await second.SweepAsync();
        await Task.Delay(300);
        Requests().Should().ContainSingle("the dead process's lock still holds the order: nothing is sent, nothing is probed");

        _clock.Advance(Timing(_store.Settings[1]).LockExpiry + TimeSpan.FromSeconds(1));
        await second.SweepAsync();
        await second.WaitForStatusAsync(order, SyncStatus.Sent);

        _fake.Ledger.TrackAttempts(orderId).Should().Be(1, "the order was posted once, before the crash");
        _fake.Ledger.Orders.Should().ContainSingle();
        var probe = Requests().Should().ContainSingle(r => r.Method == "GET").Subject;
        probe.Path.Should().EndWith($"/orders/{orderId}/transactions");
        var state = await second.StateOf(order);
        state!.RewardedPoints.Should().Be(_fake.Ledger.Orders.Single().Points);
        state.InFlightSinceUtc.Should().BeNull();
        EveryResendIsProbedFirst("/orders", "/transactions");
    }

    [Test]
    public async Task WithoutADistributedLockTheInFlightMarkerStillHoldsOffASecondSendUntilItIsStale()
    {
        var order = _store.AddPaidOrder(_maria, (_shirt, 1));
        _fake.Faults.Next(new Fault(FaultKind.AcceptThenHang, PathContains: "orders"));
        await _first.PublishAsync(new OrderPaidEvent(order));
        await _first.WaitUntilAsync(() => Task.FromResult(_fake.Ledger.Orders.Count == 1));

        var second = await CrashAndRestartAsync();
        // one node, nopCommerce's in-memory locker: the restart forgot the lock, the marker in the database remains
        _store.ForgetLocks();
        await second.SweepAsync();
        await Task.Delay(300);
        Requests().Should().ContainSingle("the marker says a send may still be under way: no probe, no resend yet");

        _clock.Advance(Timing(_store.Settings[1]).LockExpiry + TimeSpan.FromSeconds(1));
        await second.SweepAsync();
        await second.WaitForStatusAsync(order, SyncStatus.Sent);

        _fake.Ledger.TrackAttempts(order.OrderGuid.ToString()).Should().Be(1);
        Requests().Select(r => r.Method).Should().Equal("POST", "GET");
    }

    [Test]
    public async Task AReversalAcceptedByGameballWhenTheProcessDiedIsProbedNotPostedAgain()
    {
        var order = _store.AddPaidOrder(_maria, (_shirt, 2));
        await _first.PublishAsync(new OrderPaidEvent(order));
        await _first.WaitForStatusAsync(order, SyncStatus.Sent);
        _fake.Faults.Next(new Fault(FaultKind.AcceptThenHang, PathContains: "transactions/refund"));

        order.RefundedAmount = 30m;
        order.PaymentStatus = PaymentStatus.PartiallyRefunded;
        await _first.PublishAsync(new OrderRefundedEvent(order, 30m));
        await _first.WaitUntilAsync(() => Task.FromResult(_fake.Ledger.Refunds.Count == 1), because: "Gameball applies the reversal and never answers");

        var refund = OrderSyncStateStore.Parse(_store.Attribute(order, OrderSyncStateStore.StateKey))!.Refunds.Single();
        refund.InFlightSinceUtc.Should().NotBeNull("the reversal was written ahead");
        refund.Payload.Should().Contain(refund.RefundTransactionId);

        var second = await CrashAndRestartAsync();
        _clock.Advance(Timing(_store.Settings[1]).LockExpiry + TimeSpan.FromSeconds(1));
        await second.SweepAsync();
        await second.WaitUntilAsync(async () => (await second.StateOf(order))?.Refunds.Single().Status == SyncStatus.Sent, because: "the reversal is settled");
        await second.SweepAsync();
        await Task.Delay(300);

        _fake.Ledger.Refunds.Should().ContainSingle().Which.Amount.Should().Be(30m);
        Requests().Count(r => r.Method == "POST" && r.Path.EndsWith("/transactions/refund", StringComparison.Ordinal)).Should().Be(1);
        Requests().SkipWhile(r => !r.Path.EndsWith("/transactions/refund", StringComparison.Ordinal))
            .Should().Contain(r => r.Method == "GET" && r.Path.EndsWith($"/orders/{order.OrderGuid}/transactions", StringComparison.Ordinal));
        EveryResendIsProbedFirst("/transactions/refund", "/transactions");
    }

    [Test]
    public async Task AManualAwardAcceptedByGameballWhenTheProcessDiedIsProbedNotPostedAgainAndLoggedOnce()
    {
        var admin = _store.AddCustomer("admin@example.test");
        _store.CurrentCustomer = admin;
        var form = new AwardCashbackModel { CustomerId = _maria.Id, Amount = 25m, Reason = "Goodwill: parcel arrived late", AwardToken = Guid.NewGuid() };
        _fake.Faults.Next(new Fault(FaultKind.AcceptThenHang, PathContains: "transactions/cashback"));

        var scope = _first.Services.CreateAsyncScope();
        var abandoned = scope.ServiceProvider.GetRequiredService<ManualCashbackService>().AwardAsync(form, CancellationToken.None);
        await _first.WaitUntilAsync(() => Task.FromResult(_fake.Ledger.CashbackTransactions.Count == 1), because: "Gameball applies the award and never answers");

        var written = JsonConvert.DeserializeObject<List<ManualCashbackAward>>(_store.Attribute(_maria, CashbackAwardStore.AwardsKey)!)!.Single();
        written.InFlightSinceUtc.Should().NotBeNull("the award was written ahead");
        written.TransactionId.Should().Be(ManualCashbackService.TransactionId(_maria, form.AwardToken));
        _store.Attribute(_maria, CashbackAwardStore.StatusKey).Should().Be("Pending");

        var second = await CrashAndRestartAsync();
        _clock.Advance(Timing(_store.Settings[1]).LockExpiry + TimeSpan.FromSeconds(1));
        (await second.SweepAsync()).Should().Be(1, "the sweep finds the customer with a pending award");
        await second.WaitUntilAsync(() => Task.FromResult(_store.Attribute(_maria, CashbackAwardStore.StatusKey) == "Sent"), because: "the award is settled");

        _fake.Ledger.CashbackTransactions.Should().ContainSingle().Which.Amount.Should().Be(25m);
        Requests().Count(r => r.Method == "POST" && r.Path.EndsWith("/transactions/cashback", StringComparison.Ordinal)).Should().Be(1);
        Requests().Last().Should().Match<RecordedRequest>(r => r.Method == "GET" && r.Path.EndsWith("/integrations/transactions", StringComparison.Ordinal));
        var activity = _store.Activities.Should().ContainSingle().Subject;
        activity.Comment.Should().Contain("Goodwill: parcel arrived late").And.Contain("25 points");
        _store.ActivityActors.Should().Equal([admin.Id], "the log names the admin who made the award, not the process that settled it");
        _fake.Requests.Should().OnlyContain(r => r.Violations.Count == 0);
        _ = abandoned.ContinueWith(_ => scope.DisposeAsync(), TaskScheduler.Default);
    }
}
