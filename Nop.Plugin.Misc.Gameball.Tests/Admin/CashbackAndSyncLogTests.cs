using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.DependencyInjection;
using Newtonsoft.Json;
using Nop.Core.Domain.Orders;
using Nop.Plugin.Misc.Gameball.FakeGameball;
using Nop.Plugin.Misc.Gameball.Models;
using Nop.Plugin.Misc.Gameball.Services.Cashback;
using Nop.Plugin.Misc.Gameball.Services.Orders;

namespace Nop.Plugin.Misc.Gameball.Tests.Admin;

/// <summary>Manual cashback against the fake Gameball, and the sync log's retries.</summary>
[TestFixture]
public class CashbackAndSyncLogTests
{
    private AdminTestHost _host = null!;

    [SetUp]
    public async Task SetUp() => _host = await AdminTestHost.StartAsync();

    [TearDown]
    public async Task TearDown() => await _host.DisposeAsync();

    private static (bool Success, string Message) Read(IActionResult result)
    {
        var json = JsonConvert.SerializeObject(result.Should().BeOfType<JsonResult>().Subject.Value);
        var data = JsonConvert.DeserializeAnonymousType(json, new { success = false, message = "" })!;
        return (data.success, data.message);
    }

    private Task<(bool Success, string Message)> Award(AwardCashbackModel model) =>
        _host.WithController(async c => Read(await c.AwardCashback(model)), model);

    private Task<(bool Success, bool Pending, string Message)> AwardWithState(AwardCashbackModel model) =>
        _host.WithController(async c =>
        {
            var json = JsonConvert.SerializeObject((await c.AwardCashback(model)).Should().BeOfType<JsonResult>().Subject.Value);
            var data = JsonConvert.DeserializeAnonymousType(json, new { success = false, pending = false, message = "" })!;
            return (data.success, data.pending, data.message);
        }, model);

    private AwardCashbackModel AwardFor(int customerId, decimal amount = 25m, string reason = "Goodwill: late delivery", Guid? token = null) =>
        new() { CustomerId = customerId, Amount = amount, Reason = reason, AwardToken = token ?? Guid.NewGuid() };

    [Test]
    public async Task TwoIdenticalSubmitsAwardOnceAndAreLoggedOnce()
    {
        var customer = _host.Store.AddCustomer("lina@example.test");
        var form = AwardFor(customer.Id);

        var first = await Award(form);
        var second = await Award(form);

        first.Success.Should().BeTrue();
        first.Message.Should().Be("Gameball awarded 25 points for a cashback of 25.");
        second.Success.Should().BeTrue();
        second.Message.Should().StartWith("This award was already made; nothing more was awarded.");
        _host.Fake.Ledger.CashbackTransactions.Should().ContainSingle().Which.CustomerId.Should().Be(customer.CustomerGuid.ToString());
        _host.Fake.Requests.Should().OnlyContain(r => r.Violations.Count == 0);
        var activity = _host.Store.Activities.Should().ContainSingle().Subject;
        activity.Keyword.Should().Be("Gameball.ManualCashback");
        activity.EntityId.Should().Be(customer.Id);
        activity.Comment.Should().Contain("Goodwill: late delivery").And.Contain("lina@example.test").And.Contain("25 points");
    }

    [Test]
    public async Task ANewFormIsANewAward()
    {
        var customer = _host.Store.AddCustomer("lina@example.test");

        await Award(AwardFor(customer.Id));
        await Award(AwardFor(customer.Id));

        _host.Fake.Ledger.CashbackTransactions.Should().HaveCount(2);
    }

    [TestCase(0, "Enter an amount above zero.")]
    [TestCase(-5, "Enter an amount above zero.")]
    [TestCase(1_000_000, "That amount is too large for a manual award (at most 100,000).")]
    [TestCase(10.125, "Enter the amount with at most two decimals.")]
    public async Task BadAmountsAreRefusedBeforeGameballIsAsked(decimal amount, string message)
    {
        var customer = _host.Store.AddCustomer("lina@example.test");

        var result = await Award(AwardFor(customer.Id, amount));

        result.Success.Should().BeFalse();
        result.Message.Should().Contain(message);
        _host.Fake.Requests.Should().BeEmpty();
        _host.Store.Activities.Should().BeEmpty();
    }

    [Test]
    public async Task AReasonIsRequired()
    {
        var customer = _host.Store.AddCustomer("lina@example.test");

        var result = await Award(AwardFor(customer.Id, reason: ""));

        result.Message.Should().Contain("Say why the cashback is awarded.");
        _host.Fake.Requests.Should().BeEmpty();
    }

    [Test]
    public async Task AGuestWithoutAnAccountIsRefused()
    {
        var guest = _host.Store.AddCustomer(null, registered: false);

        var result = await Award(AwardFor(guest.Id));

        result.Success.Should().BeFalse();
        result.Message.Should().StartWith("Cashback goes to registered customers only");
        _host.Fake.Requests.Should().BeEmpty();
    }

    [Test]
    public async Task WhenGameballRefusesTheKeysTheAwardWaitsQueuedAndIsSentOnceTheyAreFixed()
    {
        var customer = _host.Store.AddCustomer("lina@example.test");
        _host.Store.Settings[0].SecretKey = "revoked-secret";
        var form = AwardFor(customer.Id);

        var waiting = await AwardWithState(form);
        _host.Store.Settings[0].SecretKey = _host.Fake.SecretKey;
        var resubmitted = await Award(form);

        waiting.Success.Should().BeTrue("the award is kept, not lost");
        waiting.Pending.Should().BeTrue();
        waiting.Message.Should().StartWith("The cashback of 25 is queued").And.Contain("1001").And.NotContain("revoked-secret");
        resubmitted.Message.Should().Be("Gameball awarded 25 points for a cashback of 25.");
        _host.Fake.Ledger.CashbackTransactions.Should().ContainSingle();
        _host.Store.Activities.Should().ContainSingle();
    }

    [Test]
    public async Task WithGameballDownTheAwardIsQueuedShownPendingAndSentOnceLater()
    {
        var customer = _host.Store.AddCustomer("lina@example.test");
        _host.Store.CurrentCustomer = _host.Store.AddCustomer("admin@example.test");
        _host.Fake.Faults.For(new Fault(FaultKind.ServiceUnavailable), TimeSpan.FromMinutes(5));

        var queued = await AwardWithState(AwardFor(customer.Id));

        queued.Success.Should().BeTrue();
        queued.Pending.Should().BeTrue();
        queued.Message.Should().Contain("queued").And.Contain("503");
        _host.Store.Attribute(customer, CashbackAwardStore.StatusKey).Should().Be("Pending");
        _host.Store.Activities.Should().BeEmpty("nothing is awarded yet");

        _host.Fake.Faults.Clear();
        await using (var scope = _host.Services.CreateAsyncScope())
        {
            (await scope.ServiceProvider.GetRequiredService<OutboxSweep>().SweepAsync(CancellationToken.None)).Should().Be(1);
            var outcome = await scope.ServiceProvider.GetRequiredService<OutboxProcessor>().ProcessAsync(CustomerOutboxSource.Address(customer.Id), retryNow: true, CancellationToken.None);
            outcome.Status.Should().Be(SyncStatus.Sent);
        }

        _host.Fake.Ledger.CashbackTransactions.Should().ContainSingle().Which.Amount.Should().Be(25m);
        _host.Fake.Requests.Should().Contain(r => r.Method == "GET" && r.Path.EndsWith("/integrations/transactions", StringComparison.Ordinal),
            "a 503 may hide an applied award: the customer's ledger is asked before the resend");
        _host.Store.Activities.Should().ContainSingle().Which.Comment.Should().Contain("25 points");
        _host.Store.ActivityActors.Should().Equal([_host.Store.CurrentCustomer!.Id]);
    }

    [Test]
    public async Task ManualCashbackOffMeansNothingIsAwarded()
    {
        var customer = _host.Store.AddCustomer("lina@example.test");
        _host.Store.Settings[0].EnableManualCashback = false;

        var result = await Award(AwardFor(customer.Id));

        result.Message.Should().Be("Manual cashback is switched off in the Gameball plugin's settings.");
        _host.Fake.Requests.Should().BeEmpty();
    }

    [Test]
    public async Task TheBalanceComesFromGameball()
    {
        var customer = _host.Store.AddCustomer("lina@example.test");
        await Award(AwardFor(customer.Id, 40m));

        var balance = await _host.WithController(async c => Read(await c.CustomerBalance(customer.Id)));

        balance.Success.Should().BeTrue();
        balance.Message.Should().Be("Balance: 40 Points available (worth 4 USD), 0 pending.");
    }

    private async Task<Order> FailedOrderAsync()
    {
        var product = _host.Store.AddProduct("Shirt", 20m);
        var order = _host.Store.AddPaidOrder(_host.Store.AddCustomer("sam@example.test"), (product, 1));
        _host.Store.Settings[0].MaxSyncAttempts = 1;
        _host.Fake.Faults.Next(new Fault(FaultKind.ServerError));
        await using var scope = _host.Services.CreateAsyncScope();
        var outcome = await scope.ServiceProvider.GetRequiredService<OrderSyncProcessor>().ProcessAsync(order.Id, false, CancellationToken.None);
        outcome.Status.Should().Be(SyncStatus.Failed);
        return order;
    }

    [Test]
    public async Task RetryFromTheSyncLogSendsAFailedOrder()
    {
        var order = await FailedOrderAsync();
        var log = await _host.WithController(c => c.SyncLogList(new SyncLogSearchModel { SearchStatus = SyncStatus.Failed, Length = 15 }));
        var rows = log.Should().BeOfType<JsonResult>().Which.Value.Should().BeOfType<SyncLogListModel>().Subject.Data;
        rows.Should().ContainSingle().Which.LastError.Should().Contain("500");

        var result = await _host.WithController(async c => Read(await c.RetryOrder(order.Id)));

        result.Success.Should().BeTrue();
        result.Message.Should().Be("Sent");
        _host.Fake.Ledger.Orders.Should().ContainSingle().Which.OrderId.Should().Be(order.OrderGuid.ToString());
    }

    [Test]
    public async Task RetryNowSendsAnOrderWaitingOutItsBackoffAtOnceAndOnce()
    {
        var product = _host.Store.AddProduct("Scarf", 30m);
        var order = _host.Store.AddPaidOrder(_host.Store.AddCustomer("rana@example.test"), (product, 1));
        _host.Fake.Faults.Next(new Fault(FaultKind.ServerError));
        await using (var scope = _host.Services.CreateAsyncScope())
        {
            var first = await scope.ServiceProvider.GetRequiredService<OrderSyncProcessor>().ProcessAsync(order.Id, false, CancellationToken.None);
            first.Status.Should().Be(SyncStatus.Pending);
            first.RetryAtUtc.Should().BeAfter(DateTime.UtcNow, "the order waits out its backoff");
        }

        _host.Fake.Ledger.Orders.Should().BeEmpty();

        var result = await _host.WithController(async c => Read(await c.RetryOrder(order.Id)));

        result.Success.Should().BeTrue();
        result.Message.Should().Be("Sent");
        _host.Fake.Ledger.Orders.Should().ContainSingle().Which.OrderId.Should().Be(order.OrderGuid.ToString());
        _host.Store.Attribute(order, OrderSyncStateStore.StatusKey).Should().Be("Sent");
        // after a 500 the retry first asks Gameball whether the order landed, then sends it
        var (probe, send) = (_host.Fake.Requests.SkipLast(1).Last(), _host.Fake.Requests.Last());
        (probe.Method, send.Method).Should().Be(("GET", "POST"));
        probe.Path.Should().EndWith($"/orders/{order.OrderGuid}/transactions");
        send.Path.Should().EndWith("/orders");

        var requests = _host.Fake.Requests.Count;
        (await _host.WithController(async c => Read(await c.RetryOrder(order.Id)))).Message.Should().Be("Sent");
        _host.Fake.Requests.Should().HaveCount(requests, "an order Gameball has is not sent again");
        _host.Fake.Ledger.Orders.Should().ContainSingle();
    }

    [Test]
    public async Task RetryAllFailedQueuesEveryFailedOrder()
    {
        var order = await FailedOrderAsync();

        var result = await _host.WithController(async c => Read(await c.RetryAllFailed()));

        result.Message.Should().Be("Failed work of 1 orders or customers will be sent again.");
        _host.Services.GetRequiredService<OutboxQueue>().Count.Should().Be(1);
        _host.Store.Attribute(order, OrderSyncStateStore.StatusKey).Should().Be("Pending");
    }

    [Test]
    public async Task TheConfigurationPageCountsPendingAndFailedOrders()
    {
        await FailedOrderAsync();

        var model = (await _host.WithController(c => c.Configure())).Should().BeOfType<ViewResult>().Which.Model.Should().BeOfType<ConfigurationModel>().Subject;

        model.FailedCount.Should().Be(1);
        model.PendingCount.Should().Be(0);
    }
}
