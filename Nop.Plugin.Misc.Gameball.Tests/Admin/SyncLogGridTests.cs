using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.DependencyInjection;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using Newtonsoft.Json.Serialization;
using Nop.Core.Domain.Orders;
using Nop.Plugin.Misc.Gameball.Models;
using Nop.Plugin.Misc.Gameball.Services.Admin.SyncLog;
using Nop.Plugin.Misc.Gameball.Services.Orders;

namespace Nop.Plugin.Misc.Gameball.Tests.Admin;

/// <summary>
/// The sync log's grid endpoint as nopCommerce's DataTables grid calls it: the JSON it reads, paging,
/// the status filter and the date range in the admin's time zone.
/// </summary>
[TestFixture]
public class SyncLogGridTests
{
    private AdminTestHost _host = null!;

    [SetUp]
    public async Task SetUp() => _host = await AdminTestHost.StartAsync();

    [TearDown]
    public async Task TearDown() => await _host.DisposeAsync();

    private async Task<Order> TrackedOrderAsync(SyncStatus status, DateTime createdOnUtc, Action<OrderSyncState>? shape = null)
    {
        var order = _host.Store.AddPaidOrder(_host.Store.AddCustomer("sam@example.test"), (_host.Store.AddProduct("Shirt", 20m), 1));
        order.CreatedOnUtc = createdOnUtc;
        var state = new OrderSyncState { Status = status, Attempts = status == SyncStatus.Pending ? 0 : 1 };
        shape?.Invoke(state);
        await using var scope = _host.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<OrderSyncStateStore>().SaveAsync(order, state);
        return order;
    }

    private Task<SyncLogListModel> ReadAsync(SyncLogSearchModel search) =>
        _host.WithController(async c => (SyncLogListModel)(await c.SyncLogList(search)).Should().BeOfType<JsonResult>().Subject.Value!);

    private static readonly DateTime _noon = new(2026, 11, 20, 12, 0, 0, DateTimeKind.Utc);

    [Test]
    public async Task TheAnswerHasTheShapeNopCommercesGridReads()
    {
        var older = await TrackedOrderAsync(SyncStatus.Sent, _noon);
        var newer = await TrackedOrderAsync(SyncStatus.Failed, _noon.AddHours(1), s => s.LastError = "Gameball TrackOrder failed: HTTP 500");
        await TrackedOrderAsync(SyncStatus.Pending, _noon.AddHours(-1));

        var list = await ReadAsync(new SyncLogSearchModel { Draw = "7", Start = 0, Length = 2 });

        // nopCommerce's MVC writes JSON with Newtonsoft.Json and property names as declared
        var json = JObject.Parse(JsonConvert.SerializeObject(list, new JsonSerializerSettings { ContractResolver = new DefaultContractResolver() }));
        json["draw"]!.Value<string>().Should().Be("7", "DataTables drops answers whose draw counter is not its own");
        json["recordsTotal"]!.Value<int>().Should().Be(3);
        json["recordsFiltered"]!.Value<int>().Should().Be(3);
        var rows = json["Data"]!.Should().BeOfType<JArray>().Subject;
        rows.Should().HaveCount(2);
        rows[0]!["Id"]!.Value<int>().Should().Be(newer.Id, "newest first");
        rows[0]!["Reference"]!.Value<string>().Should().Be(newer.CustomOrderNumber);
        rows[0]!["ReferencePath"]!.Value<string>().Should().Be($"Order/Edit/{newer.Id}");
        rows[0]!["Kind"]!.Value<string>().Should().Be("Order");
        rows[0]!["EntityGroup"]!.Value<string>().Should().Be("Order");
        rows[0]!["Status"]!.Value<string>().Should().Be("Failed");
        rows[0]!["StatusText"]!.Value<string>().Should().Be("Failed");
        rows[0]!["LastError"]!.Value<string>().Should().Contain("HTTP 500");
        rows[1]!["Id"]!.Value<int>().Should().Be(older.Id);
        rows[1]!["StatusText"]!.Value<string>().Should().Be("Sent");
    }

    [Test]
    public async Task PagingWalksEveryOrderOnceNewestFirst()
    {
        var orders = new List<Order>();
        for (var i = 0; i < 7; i++)
            orders.Add(await TrackedOrderAsync(SyncStatus.Sent, _noon.AddMinutes(i)));

        var seen = new List<int>();
        for (var start = 0; start < 9; start += 3)
            seen.AddRange((await ReadAsync(new SyncLogSearchModel { Start = start, Length = 3 })).Data.Select(r => r.Id));

        seen.Should().Equal(orders.OrderByDescending(o => o.CreatedOnUtc).Select(o => o.Id));
    }

    [Test]
    public async Task TheStatusFilterKeepsOnlyThatStatus()
    {
        var failed = await TrackedOrderAsync(SyncStatus.Failed, _noon);
        await TrackedOrderAsync(SyncStatus.Sent, _noon);
        await TrackedOrderAsync(SyncStatus.Pending, _noon);

        var list = await ReadAsync(new SyncLogSearchModel { SearchStatus = SyncStatus.Failed, Length = 15 });

        list.Data.Select(r => r.Id).Should().Equal(failed.Id);
        list.RecordsTotal.Should().Be(1);
    }

    [Test]
    public async Task TheDateRangeIsWholeDaysInTheAdminsTimeZone()
    {
        _host.Store.AdminTimeZone = TimeZoneInfo.CreateCustomTimeZone("Cairo+3", TimeSpan.FromHours(3), "UTC+3", "UTC+3");
        await TrackedOrderAsync(SyncStatus.Sent, new DateTime(2026, 11, 26, 20, 59, 0, DateTimeKind.Utc)); // 26th 23:59 for the admin
        var firstOfDay = await TrackedOrderAsync(SyncStatus.Sent, new DateTime(2026, 11, 26, 21, 0, 0, DateTimeKind.Utc)); // 27th 00:00
        var lastOfDay = await TrackedOrderAsync(SyncStatus.Sent, new DateTime(2026, 11, 27, 20, 59, 59, DateTimeKind.Utc)); // 27th 23:59:59
        await TrackedOrderAsync(SyncStatus.Sent, new DateTime(2026, 11, 27, 21, 0, 0, DateTimeKind.Utc)); // 28th 00:00

        var day = new DateTime(2026, 11, 27);
        var list = await ReadAsync(new SyncLogSearchModel { SearchCreatedFrom = day, SearchCreatedTo = day, Length = 15 });

        list.Data.Select(r => r.Id).Should().Equal(lastOfDay.Id, firstOfDay.Id);
        list.Data.Last().CreatedOn.Should().Be(new DateTime(2026, 11, 27, 0, 0, 0), "dates are shown in the admin's time zone");
    }

    [Test]
    public async Task ARowFoldsTheOrderAndItsReversalsTogether()
    {
        var order = await TrackedOrderAsync(SyncStatus.Sent, _noon, s =>
        {
            s.Attempts = 2;
            s.LastAttemptUtc = _noon.AddMinutes(1);
            s.Refunds.Add(new RefundSyncState { RefundTransactionId = "abc-R1", Amount = 10m, Status = SyncStatus.Sent, Attempts = 1, LastAttemptUtc = _noon.AddMinutes(5) });
            s.Refunds.Add(new RefundSyncState { RefundTransactionId = "abc-R2", Amount = 5.5m, Status = SyncStatus.Failed, Attempts = 3, LastAttemptUtc = _noon.AddMinutes(9), LastError = "Gameball refused the refund" });
        });

        var row = (await ReadAsync(new SyncLogSearchModel { Length = 15 })).Data.Should().ContainSingle().Subject;

        row.Id.Should().Be(order.Id);
        row.Status.Should().Be(SyncStatus.Failed, "a failed reversal needs the admin as much as a failed order");
        row.Attempts.Should().Be(6);
        row.LastAttemptOn.Should().Be(_noon.AddMinutes(9));
        row.LastError.Should().Be("Gameball refused the refund");
        row.Detail.Should().Be("abc-R1: 10.00 (Sent)\nabc-R2: 5.50 (Failed)");
    }

    [Test]
    public async Task AnAdminsOwnPageSizeAboveTheCapIsHonoured()
    {
        _host.Store.AdminAreaSettings.GridPageSizes = "15, 50, 600";
        for (var i = 0; i < 605; i++)
            await TrackedOrderAsync(SyncStatus.Sent, _noon.AddSeconds(i));

        var page = await ReadAsync(new SyncLogSearchModel { Start = 0, Length = 600 });
        var forged = await ReadAsync(new SyncLogSearchModel { Start = 0, Length = 1_000_000 });

        page.Data.Should().HaveCount(600, "the grid pages by the size it asked for; fewer rows would hide some");
        forged.Data.Should().HaveCount(600, "nothing above the largest configured size");
    }

    [TestCase(0, -5)]
    [TestCase(-1, 0)]
    [TestCase(1_000_000, 0)]
    public async Task AForgedPageRequestStillAnswersWithinBounds(int length, int start)
    {
        for (var i = 0; i < 3; i++)
            await TrackedOrderAsync(SyncStatus.Sent, _noon.AddMinutes(i));

        var list = await ReadAsync(new SyncLogSearchModel { Length = length, Start = start });

        list.RecordsTotal.Should().Be(3);
        list.Data.Should().NotBeEmpty().And.HaveCountLessThanOrEqualTo(SyncLogModelFactory.MaxPageSize);
    }

    [Test]
    public async Task ThePageOffersTheStatusesAndTheAdminsGridPageSizes()
    {
        var model = (await _host.WithController(c => c.SyncLog(new SyncLogSearchModel { SearchStatus = SyncStatus.Failed })))
            .Should().BeOfType<ViewResult>().Which.Model.Should().BeOfType<SyncLogSearchModel>().Subject;

        model.AvailableStatuses.Select(s => s.Text).Should().Equal("Any status", "Pending", "Sent", "Failed", "Not sent");
        model.AvailableStatuses.Single(s => s.Selected).Value.Should().Be("Failed", "a link to the failed orders opens the grid filtered");
        model.AvailableKinds.Select(k => (k.Text, k.Value)).Should().Equal(("All", ""), ("Order", "Order"), ("Manual cashback", "ManualCashback"),
            ("Action (Gameball event)", "ActionEvent"), ("Action cashback", "ActionCashback"), ("Action cashback reversed", "ActionReversal"),
            ("Customer profile", "Profile"), ("Customer erasure (GDPR)", "Erasure"), ("Points hold", "PointsHold"));
        model.PageSize.Should().Be(15);
        model.AvailablePageSizes.Should().Be("7, 15, 20, 50, 100");
    }
}
