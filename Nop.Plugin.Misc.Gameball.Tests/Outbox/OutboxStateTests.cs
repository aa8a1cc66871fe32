using Microsoft.Extensions.DependencyInjection;
using Nop.Core.Domain.Orders;
using Nop.Plugin.Misc.Gameball.FakeGameball;
using Nop.Plugin.Misc.Gameball.Services.Orders;
using Nop.Plugin.Misc.Gameball.Tests.Support;
using Nop.Services.Common;

namespace Nop.Plugin.Misc.Gameball.Tests.Outbox;

/// <summary>The outbox's time limits, the admin's retry, and states written by earlier versions of the plugin.</summary>
[TestFixture]
public class OutboxStateTests
{
    private FakeGameballServer _fake = null!;
    private InMemoryNopStore _store = null!;
    private OrderSyncTestHost _host = null!;

    [SetUp]
    public async Task SetUp()
    {
        _fake = await FakeGameballServer.StartAsync();
        _store = new InMemoryNopStore();
        _store.Settings[1] = OrderSyncTestHost.SettingsFor(_fake);
        _host = await OrderSyncTestHost.StartAsync(_store, startDispatcher: false);
    }

    [TearDown]
    public async Task TearDown()
    {
        await _host.DisposeAsync();
        await _fake.DisposeAsync();
    }

    private Order PaidOrder() => _store.AddPaidOrder(_store.AddCustomer("maria@example.test"), (_store.AddProduct("Red shirt", 50m), 1));

    [Test]
    public void WithTheDefaultTimeoutADeadProcessHoldsWorkForAMinuteAndALivePassAlwaysHoldsItsLock()
    {
        var timing = OutboxTiming.For(GameballPlugin.CreateDefaultSettings());

        timing.Step.Should().Be(TimeSpan.FromSeconds(30), "a probe and a send, one 15 s attempt each");
        timing.PassBudget.Should().Be(TimeSpan.FromSeconds(50));
        timing.LockExpiry.Should().Be(TimeSpan.FromMinutes(1), "not the five minutes that held a dead process's orders");
        OutboxTiming.For(new GameballSettings { RequestTimeout = 120 }).LockExpiry.Should().Be(TimeSpan.FromSeconds(270), "the slowest configurable Gameball still fits in the lock");
    }

    [Test]
    public async Task RetryNowSendsAnOrderWaitingInBackoffAtOnceAfterProbingIt()
    {
        var order = PaidOrder();
        _fake.Faults.Next(new Fault(FaultKind.ServiceUnavailable));
        (await _host.ProcessNowAsync(order)).Status.Should().Be(SyncStatus.Pending);
        var waiting = await _host.StateOf(order);
        waiting!.NextAttemptUtc.Should().BeAfter(DateTime.UtcNow);
        waiting.MayHaveLanded.Should().BeTrue("a 503 does not say whether the order was applied");

        var outcome = await _host.ProcessNowAsync(order, retryFailed: true);

        outcome.Status.Should().Be(SyncStatus.Sent);
        _fake.Requests.Select(r => r.Method).Should().Equal("POST", "GET", "POST");
        _fake.Ledger.Orders.Should().ContainSingle();
    }

    [Test]
    public async Task AStateWrittenByAnEarlierVersionIsSentWithTheIdentityItPersisted()
    {
        var order = PaidOrder();
        var legacy = $$"""
            {"Identity":{"OrderId":"{{order.OrderGuid}}","CustomerId":"legacy-customer","OrderDateUtc":"2026-11-30T10:00:00Z"},
             "TrackedTotalPaid":12.34,"RefundedAmountSeen":0.0,"Refunds":[],"Status":"Pending","Attempts":1,
             "LastAttemptUtc":"2026-11-30T10:05:00Z","LastError":"Gameball TrackOrder did not answer within 15 s.","MayHaveLanded":true}
            """;
        await using (var scope = _host.Services.CreateAsyncScope())
        {
            var attributes = scope.ServiceProvider.GetRequiredService<IGenericAttributeService>();
            await attributes.SaveAttributeAsync(order, OrderSyncStateStore.StateKey, legacy);
            await attributes.SaveAttributeAsync(order, OrderSyncStateStore.StatusKey, "Pending");
        }

        (await _host.SweepAsync()).Should().Be(1);
        var outcome = await _host.ProcessNowAsync(order);

        outcome.Status.Should().Be(SyncStatus.Sent);
        _fake.Requests.Select(r => r.Method).Should().Equal(["GET", "POST"], "the earlier version's ambiguous send is probed first");
        var sent = _fake.Ledger.Orders.Should().ContainSingle().Subject;
        sent.CustomerId.Should().Be("legacy-customer");
        sent.TotalPaid.Should().Be(12.34m);
        sent.Body["orderDate"]!.GetValue<string>().Should().Be("2026-11-30T10:00:00.000Z");
        var state = await _host.StateOf(order);
        state!.Attempts.Should().Be(1);
        state.Payload.Should().Contain("legacy-customer", "the payload is now persisted with the state");
    }
}
