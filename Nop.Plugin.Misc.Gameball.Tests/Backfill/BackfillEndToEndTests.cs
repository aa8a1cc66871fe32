using Microsoft.Extensions.DependencyInjection;
using Nop.Core.Domain.Catalog;
using Nop.Core.Domain.Customers;
using Nop.Core.Domain.Orders;
using Nop.Core.Domain.Payments;
using Nop.Plugin.Misc.Gameball.FakeGameball;
using Nop.Plugin.Misc.Gameball.Services.Backfill;
using Nop.Plugin.Misc.Gameball.Services.Orders;
using Nop.Plugin.Misc.Gameball.Tests.Support;

namespace Nop.Plugin.Misc.Gameball.Tests.Backfill;

/// <summary>
/// Onboarding an existing store end to end: past orders and customers handed to the outbox in chunks by
/// the background worker, sent to a fake Gameball that validates every request and keeps what it applied,
/// across a crash, a cancellation and an outage.
/// </summary>
[TestFixture]
public class BackfillEndToEndTests : FakeGameballEndToEndTest
{
    private Product _shirt = null!;
    private Customer _maria = null!;
    private static readonly DateTime _longAgo = DateTime.UtcNow.AddDays(-100);

    protected override void Seed()
    {
        _shirt = Store.AddProduct("Red shirt", 50m, "SHIRT-R");
        _maria = Store.AddCustomer("maria@example.test");
        _maria.RegisteredInStoreId = 1;
    }

    private Order PastOrder(DateTime? paidUtc = null)
    {
        var order = Store.AddPaidOrder(_maria, (_shirt, 1));
        order.CreatedOnUtc = (paidUtc ?? _longAgo).AddMinutes(-5);
        order.PaidDateUtc = paidUtc ?? _longAgo;
        return order;
    }

    private async Task<T> WithServiceAsync<T>(OrderSyncTestHost host, Func<BackfillService, Task<T>> use)
    {
        await using var scope = host.Services.CreateAsyncScope();
        return await use(scope.ServiceProvider.GetRequiredService<BackfillService>());
    }

    private Task<BackfillProgress?> ProgressAsync(BackfillKind kind, OrderSyncTestHost? host = null) => WithServiceAsync(host ?? Host, s => s.ProgressAsync(kind));

    private Task WaitForRunAsync(BackfillKind kind, Func<BackfillProgress, bool> done, OrderSyncTestHost? host = null) =>
        (host ?? Host).WaitUntilAsync(async () => await ProgressAsync(kind, host) is { } p && done(p), TimeSpan.FromSeconds(60), $"the {kind} backfill to finish");

    [Test]
    public async Task PastOrdersAreSentOnceAndWhatWasTrackedAlreadyIsSkipped()
    {
        var past = Enumerable.Range(0, 5).Select(_ => PastOrder()).ToList();
        var refunded = PastOrder();
        (refunded.PaymentStatus, refunded.RefundedAmount) = (PaymentStatus.Refunded, refunded.OrderTotal);
        var partly = PastOrder();
        (partly.PaymentStatus, partly.RefundedAmount) = (PaymentStatus.PartiallyRefunded, 10m);
        var tooOld = PastOrder(DateTime.UtcNow.AddDays(-400));
        var live = Store.AddPaidOrder(_maria, (_shirt, 2));
        await Host.PublishAsync(new OrderPaidEvent(live));
        await Host.WaitForStatusAsync(live, SyncStatus.Sent);

        (await WithServiceAsync(Host, s => s.StartAsync(BackfillKind.Orders, DateTime.UtcNow.AddDays(-200), adminId: 1))).Should().NotBeNull();
        (await WithServiceAsync(Host, s => s.StartAsync(BackfillKind.Orders, DateTime.UtcNow.AddDays(-200), adminId: 1))).Should().BeNull("one run at a time");
        await WaitForRunAsync(BackfillKind.Orders, p => p.Status == BackfillStatus.Completed && p.Pending == 0);

        var progress = (await ProgressAsync(BackfillKind.Orders))!;
        progress.Should().Match<BackfillProgress>(p => p.Total == 8 && p.Queued == 7 && p.Skipped == 1 && p.Sent == 7 && p.Failed == 0);
        var sentIds = Fake.Ledger.Orders.Select(o => o.OrderId).ToList();
        sentIds.Should().OnlyHaveUniqueItems().And.HaveCount(8);
        sentIds.Should().NotContain(GameballIdentifiers.OrderId(tooOld));
        Fake.Requests.Count(r => r.Method == "POST" && r.Path.EndsWith("/orders", StringComparison.Ordinal)).Should().Be(8, "no order is posted twice");
        var refundedId = GameballIdentifiers.OrderId(refunded);
        Fake.Ledger.Refunds.Should().Contain(r => r.ReverseTransactionId == refundedId && r.Amount > 0, "a refund that already happened is applied as a reversal");
        Fake.Ledger.Refunds.Should().Contain(r => r.ReverseTransactionId == GameballIdentifiers.OrderId(partly));
        Fake.Requests.Should().OnlyContain(r => r.Violations.Count == 0);
    }

    [Test]
    public async Task ACrashMidRunLosesNothingAndSendsNothingTwice()
    {
        var orders = Enumerable.Range(0, 250).Select(_ => PastOrder()).ToList();
        var clock = new ShiftableClock();
        Store.LockClock = clock;
        await Host.DisposeAsync();
        Host = await OrderSyncTestHost.StartAsync(Store, clock);
        Fake.Faults.For(new Fault(FaultKind.Latency, "orders", Delay: TimeSpan.FromMilliseconds(30)), TimeSpan.FromSeconds(30));
        await WithServiceAsync(Host, s => s.StartAsync(BackfillKind.Orders, DateTime.UtcNow.AddDays(-200), adminId: 1));
        await Host.WaitUntilAsync(() => Task.FromResult(Fake.Ledger.Orders.Count >= 20), TimeSpan.FromSeconds(30), "some orders to be sent");
        Host.Kill();
        await Host.DisposeAsync();

        // the dead process's locks and "in flight" marks hold until they would have expired
        clock.Advance(TimeSpan.FromMinutes(2));
        Host = await OrderSyncTestHost.StartAsync(Store, clock);
        await Host.SweepAsync();
        await WaitForRunAsync(BackfillKind.Orders, p => p.Status == BackfillStatus.Completed && p.Pending == 0 && p.Sent == 250);

        Fake.Ledger.Orders.Should().HaveCount(250);
        Fake.Ledger.Orders.Select(o => o.OrderId).Should().BeEquivalentTo(orders.Select(GameballIdentifiers.OrderId));
        orders.Should().OnlyContain(o => Fake.Ledger.TrackAttempts(GameballIdentifiers.OrderId(o)) == 1, "a send the crash interrupted is probed, not repeated");
    }

    [Test]
    public async Task CancellingStopsTheRunAndWithdrawsWhatWasNotSent()
    {
        var orders = Enumerable.Range(0, 300).Select(_ => PastOrder()).ToList();
        await Host.DisposeAsync();
        // the worker and the dispatcher stand still, so the test decides what is sent before the cancellation
        Host = await OrderSyncTestHost.StartAsync(Store, startDispatcher: false);
        await WithServiceAsync(Host, s => s.StartAsync(BackfillKind.Orders, DateTime.UtcNow.AddDays(-200), adminId: 1));
        (await WithServiceAsync(Host, s => s.StepAsync(CancellationToken.None))).Should().Be(BackfillService.ChunkSize);
        foreach (var order in orders.Take(5))
            await Host.ProcessNowAsync(order);

        var cancelled = await WithServiceAsync(Host, s => s.CancelAsync(BackfillKind.Orders, CancellationToken.None));
        cancelled!.Status.Should().Be(BackfillStatus.Cancelled);
        (await WithServiceAsync(Host, s => s.StepAsync(CancellationToken.None))).Should().Be(0, "no chunk is handed out after the cancellation");
        await Host.DisposeAsync();
        Host = await OrderSyncTestHost.StartAsync(Store);
        await Host.SweepAsync();
        await Task.Delay(BackfillWorker.Interval * 2);

        var progress = (await ProgressAsync(BackfillKind.Orders))!;
        progress.Should().Match<BackfillProgress>(p => p.Status == BackfillStatus.Cancelled && p.Queued == BackfillService.ChunkSize
            && p.Sent == 5 && p.Withdrawn == BackfillService.ChunkSize - 5 && p.Pending == 0);
        Fake.Ledger.Orders.Should().HaveCount(5, "what was withdrawn, and what was never handed out, is never sent");
        (await Host.StateOf(orders[50]))!.Status.Should().Be(SyncStatus.Skipped);
        (await Host.StateOf(orders[250])).Should().BeNull();
    }

    [Test]
    public async Task AnOutageDelaysTheRunAndLosesNothing()
    {
        var orders = Enumerable.Range(0, 30).Select(_ => PastOrder()).ToList();
        Fake.Faults.Next(new Fault(FaultKind.ServiceUnavailable, "orders"), times: 10);
        await WithServiceAsync(Host, s => s.StartAsync(BackfillKind.Orders, DateTime.UtcNow.AddDays(-200), adminId: 1));
        for (var i = 0; i < 20 && Fake.Ledger.Orders.Count < 30; i++)
        {
            await Task.Delay(500);
            Host.Clock.Advance(TimeSpan.FromMinutes(2));
            await Host.SweepAsync();
        }

        await WaitForRunAsync(BackfillKind.Orders, p => p.Status == BackfillStatus.Completed && p.Pending == 0);
        Fake.Ledger.Orders.Should().HaveCount(30);
    }

    [Test]
    public async Task ExistingCustomersGetTheirProfilesOnce()
    {
        Store.Settings[1].SyncCustomerProfiles = true;
        var others = Enumerable.Range(0, 3).Select(i => Store.AddCustomer($"shopper{i}@example.test")).ToList();
        others.ForEach(c => c.RegisteredInStoreId = 1);
        var guest = Store.AddCustomer(null, registered: false);

        await WithServiceAsync(Host, s => s.StartAsync(BackfillKind.Customers, null, adminId: 1));
        await WaitForRunAsync(BackfillKind.Customers, p => p.Status == BackfillStatus.Completed && p.Sent == 4);

        Fake.Ledger.ProfileUpserts.Select(u => u.CustomerId).Should().BeEquivalentTo(others.Append(_maria).Select(c => c.CustomerGuid.ToString()));
        Fake.Ledger.ProfileUpserts.Should().NotContain(u => u.CustomerId == guest.CustomerGuid.ToString());
        Fake.Requests.Should().OnlyContain(r => r.Violations.Count == 0);
    }
}
