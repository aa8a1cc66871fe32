using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.DependencyInjection;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using Nop.Core.Domain.Customers;
using Nop.Core.Domain.Orders;
using Nop.Plugin.Misc.Gameball.FakeGameball;
using Nop.Plugin.Misc.Gameball.Models;
using Nop.Plugin.Misc.Gameball.Services.Actions;
using Nop.Plugin.Misc.Gameball.Services.Api;
using Nop.Plugin.Misc.Gameball.Services.Api.Models;
using Nop.Plugin.Misc.Gameball.Services.Cashback;
using Nop.Plugin.Misc.Gameball.Services.Orders;

namespace Nop.Plugin.Misc.Gameball.Tests.Admin;

/// <summary>
/// The sync log over every kind of outbox work (orders, customers' manual cashback): one grid newest
/// first, the kind filter, the state and date filters across kinds, paging across kinds without gaps or
/// repeats, Retry and Retry all failed for awards, the configuration page's counts and the customer
/// card's list of awards.
/// </summary>
[TestFixture]
public class SyncLogKindsTests
{
    private AdminTestHost _host = null!;

    [SetUp]
    public async Task SetUp() => _host = await AdminTestHost.StartAsync();

    [TearDown]
    public async Task TearDown() => await _host.DisposeAsync();

    private static readonly DateTime _noon = new(2026, 11, 20, 12, 0, 0, DateTimeKind.Utc);

    private async Task<Order> OrderAsync(SyncStatus status, DateTime createdOnUtc)
    {
        var order = _host.Store.AddPaidOrder(_host.Store.AddCustomer("sam@example.test"), (_host.Store.AddProduct("Shirt", 20m), 1));
        order.CreatedOnUtc = createdOnUtc;
        await using var scope = _host.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<OrderSyncStateStore>().SaveAsync(order, new OrderSyncState { Status = status, Attempts = 1 });
        return order;
    }

    /// <summary>Adds awards to the customer's persisted work as the outbox keeps it.</summary>
    private async Task AwardsAsync(Customer customer, params (SyncStatus Status, DateTime RequestedUtc, decimal Amount)[] awards)
    {
        await using var scope = _host.Services.CreateAsyncScope();
        var store = scope.ServiceProvider.GetRequiredService<CashbackAwardStore>();
        var list = await store.LoadAsync(customer);
        foreach (var (status, requestedUtc, amount) in awards)
        {
            var transactionId = $"nop-cashback-{customer.CustomerGuid}-{Guid.NewGuid():N}";
            list.Add(new ManualCashbackAward
            {
                TransactionId = transactionId,
                Amount = amount,
                Reason = "Goodwill",
                RequestedUtc = requestedUtc,
                Status = status,
                Attempts = status == SyncStatus.Pending ? 0 : 1,
                LastError = status == SyncStatus.Failed ? "Gameball answered HTTP 500" : null,
                RewardedPoints = status == SyncStatus.Sent ? amount : null,
                Payload = GameballJson.Serialize(new CashbackRequest { CustomerId = customer.CustomerGuid.ToString(), TransactionId = transactionId, TransactionTime = requestedUtc, Amount = amount }),
            });
        }

        await store.SaveAsync(customer, list);
    }

    private Task<SyncLogListModel> ReadAsync(SyncLogSearchModel search) =>
        _host.WithController(async c => (SyncLogListModel)(await c.SyncLogList(search)).Should().BeOfType<JsonResult>().Subject.Value!);

    private static JObject Json(IActionResult result) =>
        JObject.Parse(JsonConvert.SerializeObject(result.Should().BeOfType<JsonResult>().Subject.Value));

    [Test]
    public async Task NonOrderActionsAreKindsOfTheirOwnInTheGrid()
    {
        var order = await OrderAsync(SyncStatus.Sent, _noon);
        var rana = _host.Store.AddCustomer("rana@example.test");
        await using (var scope = _host.Services.CreateAsyncScope())
        {
            var store = scope.ServiceProvider.GetRequiredService<ActionRewardStore>();
            await store.SaveAsync(rana,
            [
                new ActionReward { TransactionId = $"review-41", OccurrenceKey = "review-41", Step = ActionRewardStep.Cashback, Action = GameballAction.Review, RecordedUtc = _noon.AddHours(2), Amount = 5m, Status = SyncStatus.Failed, Attempts = 1, LastError = "Gameball answered HTTP 500" },
                new ActionReward { TransactionId = $"registration-{rana.CustomerGuid}", OccurrenceKey = $"registration-{rana.CustomerGuid}", Step = ActionRewardStep.Event, Action = GameballAction.Registration, EventName = "registered", RecordedUtc = _noon.AddHours(1), Status = SyncStatus.Sent, Attempts = 1 },
            ]);
        }

        var all = await ReadAsync(new SyncLogSearchModel { Length = 15 });
        var cashback = await ReadAsync(new SyncLogSearchModel { SearchKind = "ActionCashback", Length = 15 });
        var model = await _host.WithController(async c => ((ViewResult)await c.SyncLog(new SyncLogSearchModel())).Model.Should().BeOfType<SyncLogSearchModel>().Subject);

        all.Data.Select(r => (r.Kind, r.Id)).Should().Equal(("ActionCashback", rana.Id), ("ActionEvent", rana.Id), ("Order", order.Id));
        all.Data.First().KindText.Should().Be("Action cashback");
        all.Data.First().Detail.Should().Be("Review\nreview-41");
        all.Data.ElementAt(1).Detail.Should().StartWith("Registration: registered\n");
        cashback.Data.Should().ContainSingle().Which.LastError.Should().Contain("HTTP 500");
        model.AvailableKinds.Select(k => k.Value).Should().Contain(["ActionEvent", "ActionCashback", "ActionReversal"]);
    }

    [Test]
    public async Task OrdersAndAwardsAreOneGridNewestFirst()
    {
        var older = await OrderAsync(SyncStatus.Sent, _noon);
        var lina = _host.Store.AddCustomer("lina@example.test");
        await AwardsAsync(lina, (SyncStatus.Failed, _noon.AddHours(1), 25m));
        var newer = await OrderAsync(SyncStatus.Pending, _noon.AddHours(2));

        var list = await ReadAsync(new SyncLogSearchModel { Length = 15 });

        list.RecordsTotal.Should().Be(3);
        list.Data.Select(r => (r.Kind, r.Id)).Should().Equal(("Order", newer.Id), ("ManualCashback", lina.Id), ("Order", older.Id));
        var award = list.Data.ElementAt(1);
        award.KindText.Should().Be("Manual cashback");
        award.EntityGroup.Should().Be("Customer");
        award.Reference.Should().Be("lina@example.test");
        award.ReferencePath.Should().Be($"Customer/Edit/{lina.Id}");
        award.Status.Should().Be(SyncStatus.Failed);
        award.StatusText.Should().Be("Failed");
        award.Attempts.Should().Be(1);
        award.LastError.Should().Contain("HTTP 500");
        award.Amount.Should().Be(25m);
        award.Detail.Should().StartWith("Goodwill\nnop-cashback-");
        award.CreatedOn.Should().Be(_noon.AddHours(1));
    }

    [Test]
    public async Task TheKindFilterKeepsOnlyThatKind()
    {
        var order = await OrderAsync(SyncStatus.Failed, _noon);
        var lina = _host.Store.AddCustomer("lina@example.test");
        await AwardsAsync(lina, (SyncStatus.Failed, _noon.AddHours(1), 25m), (SyncStatus.Sent, _noon.AddHours(-1), 5m));

        var awards = await ReadAsync(new SyncLogSearchModel { SearchKind = "ManualCashback", Length = 15 });
        var orders = await ReadAsync(new SyncLogSearchModel { SearchKind = "Order", Length = 15 });

        awards.Data.Should().HaveCount(2).And.OnlyContain(r => r.Kind == "ManualCashback" && r.Id == lina.Id);
        awards.RecordsTotal.Should().Be(2);
        orders.Data.Select(r => r.Id).Should().Equal(order.Id);
        orders.RecordsTotal.Should().Be(1);
    }

    [Test]
    public async Task TheStateAndDateFiltersApplyToEveryKind()
    {
        var failedOrder = await OrderAsync(SyncStatus.Failed, _noon);
        await OrderAsync(SyncStatus.Sent, _noon);
        var lina = _host.Store.AddCustomer("lina@example.test");
        var omar = _host.Store.AddCustomer("omar@example.test");
        await AwardsAsync(lina, (SyncStatus.Failed, _noon.AddMinutes(5), 25m), (SyncStatus.Sent, _noon.AddMinutes(6), 5m), (SyncStatus.Pending, _noon.AddMinutes(7), 7m));
        await AwardsAsync(omar, (SyncStatus.Failed, _noon.AddDays(-3), 9m));

        var failed = await ReadAsync(new SyncLogSearchModel { SearchStatus = SyncStatus.Failed, Length = 15 });
        var failedThatDay = await ReadAsync(new SyncLogSearchModel { SearchStatus = SyncStatus.Failed, SearchCreatedFrom = _noon.Date, SearchCreatedTo = _noon.Date, Length = 15 });
        var pending = await ReadAsync(new SyncLogSearchModel { SearchStatus = SyncStatus.Pending, Length = 15 });

        failed.Data.Select(r => (r.Kind, r.Id, r.Amount)).Should().Equal(("ManualCashback", lina.Id, 25m), ("Order", failedOrder.Id, failedOrder.OrderTotal), ("ManualCashback", omar.Id, 9m));
        failedThatDay.Data.Select(r => (r.Kind, r.Id)).Should().Equal(("ManualCashback", lina.Id), ("Order", failedOrder.Id));
        failedThatDay.RecordsTotal.Should().Be(2);
        pending.Data.Select(r => r.Amount).Should().Equal(7m);
    }

    [Test]
    public async Task PagingAcrossKindsWalksEveryRowOnceNewestFirst()
    {
        var expected = new List<(string Kind, int Id, DateTime When)>();
        for (var i = 0; i < 6; i++)
        {
            var order = await OrderAsync(SyncStatus.Sent, _noon.AddMinutes(i * 2));
            expected.Add(("Order", order.Id, order.CreatedOnUtc));
        }

        foreach (var email in new[] { "lina@example.test", "omar@example.test" })
        {
            var customer = _host.Store.AddCustomer(email);
            // odd minutes interleave with the orders; minute 4 ties with an order, twice
            var times = new[] { _noon.AddMinutes(1), _noon.AddMinutes(4), _noon.AddMinutes(email.StartsWith('l') ? 7 : 9) };
            await AwardsAsync(customer, times.Select(t => (SyncStatus.Sent, t, 1m)).ToArray());
            expected.AddRange(times.Select(t => ("ManualCashback", customer.Id, t)));
        }

        foreach (var length in new[] { 3, 4, 7 })
        {
            var seen = new List<(string Kind, int Id, DateTime When)>();
            var total = 0;
            for (var start = 0; start < expected.Count + length; start += length)
            {
                var page = await ReadAsync(new SyncLogSearchModel { Start = start, Length = length });
                total = page.RecordsTotal;
                seen.AddRange(page.Data.Select(r => (r.Kind!, r.Id, r.CreatedOn)));
            }

            total.Should().Be(12);
            seen.Should().HaveCount(12).And.OnlyHaveUniqueItems("no row twice, none left out (page size {0})", length);
            seen.Select(r => r.When).Should().BeInDescendingOrder();
            seen.Should().BeEquivalentTo(expected);
        }
    }

    [Test]
    public async Task RetryOfAFailedAwardSendsItOnce()
    {
        var lina = _host.Store.AddCustomer("lina@example.test");
        _host.Store.Settings[0].MaxSyncAttempts = 1;
        _host.Fake.Faults.For(new Fault(FaultKind.ServerError), TimeSpan.FromMinutes(5));
        await _host.WithController(c => c.AwardCashback(new AwardCashbackModel { CustomerId = lina.Id, Amount = 25m, Reason = "Goodwill", AwardToken = Guid.NewGuid() }));
        var row = (await ReadAsync(new SyncLogSearchModel { SearchStatus = SyncStatus.Failed, Length = 15 })).Data.Should().ContainSingle().Subject;
        row.Kind.Should().Be("ManualCashback");
        _host.Fake.Ledger.CashbackTransactions.Should().BeEmpty();
        _host.Fake.Faults.Clear();

        var answer = Json(await _host.WithController(c => c.Retry(row.EntityGroup!, row.Id)));
        var again = Json(await _host.WithController(c => c.Retry(row.EntityGroup!, row.Id)));

        answer["success"]!.Value<bool>().Should().BeTrue();
        answer["message"]!.Value<string>().Should().Be("Sent");
        again["message"]!.Value<string>().Should().Be("Sent");
        _host.Fake.Ledger.CashbackTransactions.Should().ContainSingle().Which.Amount.Should().Be(25m);
        (await ReadAsync(new SyncLogSearchModel { Length = 15 })).Data.Should().ContainSingle().Which.Status.Should().Be(SyncStatus.Sent);
        _host.Store.Activities.Should().ContainSingle("the award is logged once, when Gameball has it");
    }

    [TestCase("Customer", 0)]
    [TestCase("Product", 1)]
    [TestCase("", 1)]
    public async Task RetryOfWorkThatCannotExistSendsNothing(string group, int id)
    {
        var answer = Json(await _host.WithController(c => c.Retry(group, id)));

        answer["success"]!.Value<bool>().Should().BeFalse();
        answer["message"]!.Value<string>().Should().Be("There is no such work to send.");
        _host.Fake.Requests.Should().BeEmpty();
    }

    [Test]
    public async Task RetryAllFailedCoversAwards()
    {
        var order = await OrderAsync(SyncStatus.Failed, _noon);
        var lina = _host.Store.AddCustomer("lina@example.test");
        await AwardsAsync(lina, (SyncStatus.Failed, _noon, 25m), (SyncStatus.Sent, _noon.AddMinutes(-1), 5m));
        var omar = _host.Store.AddCustomer("omar@example.test");
        await AwardsAsync(omar, (SyncStatus.Sent, _noon, 5m));

        var answer = Json(await _host.WithController(c => c.RetryAllFailed()));

        answer["count"]!.Value<int>().Should().Be(2, "the failed order and the customer with a failed award");
        answer["message"]!.Value<string>().Should().Be("Failed work of 2 orders or customers will be sent again.");
        _host.Services.GetRequiredService<OutboxQueue>().Count.Should().Be(2);
        _host.Store.Attribute(order, OrderSyncStateStore.StatusKey).Should().Be("Pending");
        _host.Store.Attribute(lina, CashbackAwardStore.StatusKey).Should().Be("Pending");
        var awards = CashbackAwardStore.Parse(_host.Store.Attribute(lina, CashbackAwardStore.AwardsKey));
        awards.Single(a => a.Amount == 25m).Should().Match<ManualCashbackAward>(a => a.Status == SyncStatus.Pending && a.Attempts == 0);
    }

    [Test]
    public async Task TheConfigurationPageCountsEveryKind()
    {
        await OrderAsync(SyncStatus.Failed, _noon);
        await OrderAsync(SyncStatus.Pending, _noon);
        await OrderAsync(SyncStatus.Sent, _noon);
        await AwardsAsync(_host.Store.AddCustomer("lina@example.test"), (SyncStatus.Failed, _noon, 1m), (SyncStatus.Pending, _noon, 2m), (SyncStatus.Pending, _noon, 3m), (SyncStatus.Sent, _noon, 4m));
        await AwardsAsync(_host.Store.AddCustomer("omar@example.test"), (SyncStatus.Failed, _noon, 1m), (SyncStatus.Sent, _noon, 4m));

        var model = (await _host.WithController(c => c.Configure())).Should().BeOfType<ViewResult>().Which.Model.Should().BeOfType<ConfigurationModel>().Subject;

        model.PendingCount.Should().Be(3, "one order and two awards");
        model.FailedCount.Should().Be(3, "one order and two awards");
    }

    [Test]
    public async Task TheCustomerCardListsTheLastTenAwardsNewestFirst()
    {
        var lina = _host.Store.AddCustomer("lina@example.test");
        await AwardsAsync(lina, Enumerable.Range(1, 12).Select(i => (i == 12 ? SyncStatus.Pending : SyncStatus.Sent, _noon.AddMinutes(i), (decimal)i)).ToArray());
        await AwardsAsync(_host.Store.AddCustomer("omar@example.test"), (SyncStatus.Sent, _noon.AddHours(1), 99m));

        var json = Json(await _host.WithController(c => c.CustomerAwards(lina.Id)));

        var awards = json["awards"]!.Should().BeOfType<JArray>().Subject;
        awards.Select(a => a["amount"]!.Value<decimal>()).Should().Equal(12m, 11m, 10m, 9m, 8m, 7m, 6m, 5m, 4m, 3m);
        awards[0]!["status"]!.Value<string>().Should().Be("Pending");
        awards[0]!["statusText"]!.Value<string>().Should().Be("Pending");
        awards[0]!["kind"]!.Value<string>().Should().Be("Manual cashback");
        awards[1]!["points"]!.Value<decimal>().Should().Be(11m);
        awards[0]!["detail"]!.Value<string>().Should().StartWith("Goodwill");
    }
}
