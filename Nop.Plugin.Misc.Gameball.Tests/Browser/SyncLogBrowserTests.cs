using Microsoft.Extensions.DependencyInjection;
using Nop.Core.Domain.Customers;
using Nop.Core.Domain.Orders;
using Nop.Plugin.Misc.Gameball.Services.Orders;
using OpenQA.Selenium;
using OpenQA.Selenium.Support.UI;

namespace Nop.Plugin.Misc.Gameball.Tests.Browser;

/// <summary>
/// The sync log page in Chromium, its grid drawn by DataTables (the version nopCommerce 4.90 ships) from the
/// plugin's SyncLogList endpoint: orders listed with their state, the status filter, and "Retry now".
/// </summary>
[TestFixture]
[NonParallelizable]
public class SyncLogBrowserTests : BrowserTest
{
    [OneTimeSetUp]
    public void RequireAdminScriptLibraries()
    {
        if (Directory.Exists(Path.Combine(TestPaths.AdminScriptLibraries, "datatables.net")))
            return;
        var message = $"jQuery, DataTables and moment are not installed for the demo store (npm ci --prefix {TestPaths.DemoAssets}; .ci/run does).";
        if (Environment.GetEnvironmentVariable("CI") == "true")
            Assert.Fail(message);
        Assert.Ignore(message);
    }


    private static By RowOf(Order order) => By.XPath($"//table[@id='gameball-sync-log-grid']//a[substring(@href, string-length(@href) - string-length('/Admin/Order/Edit/{order.Id}') + 1) = '/Admin/Order/Edit/{order.Id}']/ancestor::tr");

    private WebDriverWait Wait => new(Browser, TimeSpan.FromSeconds(15));

    private string StatusOf(Order order) => Browser.FindElement(RowOf(order)).FindElement(By.CssSelector(".gameball-status")).GetAttribute("data-status")!;


    private static By AwardRowOf(Customer customer) => By.XPath($"//table[@id='gameball-sync-log-grid']//a[substring(@href, string-length(@href) - string-length('/Admin/Customer/Edit/{customer.Id}') + 1) = '/Admin/Customer/Edit/{customer.Id}']/ancestor::tr");

    [Test]
    public async Task TheGridListsEveryKindFiltersByKindAndRetrySendsAFailedAward()
    {
        var order = await OrderThatEndsAsync(SyncStatus.Sent, "ana@example.test");
        var customer = await FailedAwardAsync("lina@example.test", "Goodwill: late parcel");

        Browser.Navigate().GoToUrl($"{Demo.BaseUrl}/Admin/GameballAdmin/SyncLog");
        Wait.Until(_ => Browser.FindElements(RowOf(order)).Count == 1 && Browser.FindElements(AwardRowOf(customer)).Count == 1).Should().BeTrue("orders and awards are one log");
        var awardRow = Browser.FindElement(AwardRowOf(customer));
        awardRow.FindElement(By.TagName("a")).Text.Should().Be("lina@example.test");
        awardRow.FindElement(By.CssSelector(".gameball-status")).GetAttribute("data-status").Should().Be("Failed");
        awardRow.Text.Should().Contain("Manual cashback").And.Contain("25").And.Contain("Goodwill: late parcel").And.Contain("500");
        // wide enough for every column of the grid
        var size = Browser.Manage().Window.Size;
        Browser.Manage().Window.Size = new System.Drawing.Size(1440, 700);
        Thread.Sleep(300);
        Screenshot("sync-log.png");
        Browser.Manage().Window.Size = size;

        Browser.FindElement(By.CssSelector("#SearchStatus option[value='Failed']")).Click();
        Browser.FindElement(By.Id("search-gameball-sync-log")).Click();
        Wait.Until(_ => Browser.FindElements(RowOf(order)).Count == 0).Should().BeTrue("the state filter leaves the failed award");
        Browser.FindElements(AwardRowOf(customer)).Should().ContainSingle();

        Browser.FindElement(By.CssSelector("#SearchStatus option[value='']")).Click();
        Browser.FindElement(By.CssSelector("#SearchKind option[value='ManualCashback']")).Click();
        Browser.FindElement(By.Id("search-gameball-sync-log")).Click();
        Wait.Until(_ => Browser.FindElements(RowOf(order)).Count == 0 && Browser.FindElements(AwardRowOf(customer)).Count == 1).Should().BeTrue("the kind filter leaves the award");

        Browser.FindElement(AwardRowOf(customer)).FindElement(By.CssSelector(".gameball-retry")).Click();

        Wait.Until(_ => Browser.FindElement(By.Id("gameball-sync-message")).Text == "Sent").Should().BeTrue();
        Wait.Until(_ => Browser.FindElements(AwardRowOf(customer)).Count == 1
                        && Browser.FindElement(AwardRowOf(customer)).FindElement(By.CssSelector(".gameball-status")).GetAttribute("data-status") == "Sent")
            .Should().BeTrue("the grid redraws with the award sent");
        Demo.Fake.Ledger.CashbackTransactions.Should().ContainSingle().Which.Amount.Should().Be(25m);
    }

    [Test]
    public async Task TheGridListsOrdersFiltersByStatusAndRetrySendsAFailedOrder()
    {
        var sent = await OrderThatEndsAsync(SyncStatus.Sent, "ana@example.test");
        var failed = await OrderThatEndsAsync(SyncStatus.Failed, "sam@example.test");

        Browser.Navigate().GoToUrl($"{Demo.BaseUrl}/Admin/GameballAdmin/SyncLog");
        Wait.Until(_ => Browser.FindElements(RowOf(failed)).Count == 1 && Browser.FindElements(RowOf(sent)).Count == 1).Should().BeTrue();
        var failedRow = Browser.FindElement(RowOf(failed));
        failedRow.FindElement(By.CssSelector(".gameball-status")).Text.Should().Be("Failed");
        failedRow.Text.Should().Contain("500", "the last error is shown");
        failedRow.FindElement(By.TagName("a")).Text.Should().Be(failed.CustomOrderNumber);
        StatusOf(sent).Should().Be("Sent");

        Browser.FindElement(By.CssSelector("#SearchStatus option[value='Failed']")).Click();
        Browser.FindElement(By.Id("search-gameball-sync-log")).Click();
        Wait.Until(_ => Browser.FindElements(RowOf(sent)).Count == 0).Should().BeTrue("the filter leaves only failed orders");
        Browser.FindElements(RowOf(failed)).Should().ContainSingle();

        Browser.FindElement(RowOf(failed)).FindElement(By.CssSelector(".gameball-retry")).Click();

        Wait.Until(_ => Browser.FindElement(By.Id("gameball-sync-message")).Text == "Sent").Should().BeTrue();
        Wait.Until(_ => Browser.FindElements(RowOf(failed)).Count == 0).Should().BeTrue("the grid reloads and the order is no longer failed");
        Demo.Fake.Ledger.Orders.Should().ContainSingle(o => o.OrderId == failed.OrderGuid.ToString());
    }

    [Test]
    public async Task TheConfigurationPageCountsFailedOrdersAndLinksToThem()
    {
        var sent = await OrderThatEndsAsync(SyncStatus.Sent, "ana@example.test");
        var failed = await OrderThatEndsAsync(SyncStatus.Failed, "sam@example.test");

        Browser.Navigate().GoToUrl($"{Demo.BaseUrl}/Admin/GameballAdmin/Configure");
        Browser.FindElement(By.Id("gameball-sync-counts")).Text.Should().Contain("Waiting for Gameball: 0 (orders and cashback). Failed: 1.");
        Browser.FindElement(By.Id("gameball-failed-orders")).Click();

        Browser.FindElement(By.Id("SearchStatus")).GetDomProperty("value").Should().Be("Failed");
        Wait.Until(_ => Browser.FindElements(RowOf(failed)).Count == 1).Should().BeTrue();
        Browser.FindElements(RowOf(sent)).Should().BeEmpty("the link opens the grid filtered to failed orders");
    }

    [Test]
    public async Task CellsShowTextNeverMarkup()
    {
        var order = Demo.Store.AddPaidOrder(Demo.Store.AddCustomer("eve@example.test"), (Demo.Store.AddProduct("Cap", 20m), 1));
        order.CustomOrderNumber = "<b>7</b>";
        var state = new OrderSyncState { Status = SyncStatus.Failed, Attempts = 1, LastError = "<img src=x onerror=\"document.title='owned'\">" };
        state.Refunds.Add(new RefundSyncState { RefundTransactionId = "<i>R1</i>", Amount = 1m, Status = SyncStatus.Failed });
        await using (var scope = Demo.Services.CreateAsyncScope())
            await scope.ServiceProvider.GetRequiredService<OrderSyncStateStore>().SaveAsync(order, state);

        Browser.Navigate().GoToUrl($"{Demo.BaseUrl}/Admin/GameballAdmin/SyncLog");
        Wait.Until(_ => Browser.FindElements(RowOf(order)).Count == 1).Should().BeTrue();

        var row = Browser.FindElement(RowOf(order));
        row.Text.Should().Contain("<b>7</b>").And.Contain("<img src=x").And.Contain("<i>R1</i>: 1.00 (Failed)");
        row.FindElements(By.CssSelector("b, img, i")).Should().BeEmpty("what Gameball or an order number says is shown, never run");
        Browser.Title.Should().NotBe("owned");
    }

    [Test]
    public async Task AnAwardsCellsShowTextNeverMarkup()
    {
        var customer = Demo.Store.AddCustomer("<b>eve</b>@example.test");
        await using (var scope = Demo.Services.CreateAsyncScope())
        {
            var store = scope.ServiceProvider.GetRequiredService<Services.Cashback.CashbackAwardStore>();
            await store.SaveAsync(customer, [new Services.Cashback.ManualCashbackAward
            {
                TransactionId = "<i>tx</i>",
                Amount = 5m,
                Reason = "<img src=x onerror=\"document.title='owned'\">",
                RequestedUtc = DateTime.UtcNow,
                Status = SyncStatus.Failed,
                Attempts = 1,
                LastError = "<u>refused</u>",
                Payload = "{}",
            }]);
        }

        Browser.Navigate().GoToUrl($"{Demo.BaseUrl}/Admin/GameballAdmin/SyncLog");
        Wait.Until(_ => Browser.FindElements(AwardRowOf(customer)).Count == 1).Should().BeTrue();

        var row = Browser.FindElement(AwardRowOf(customer));
        row.Text.Should().Contain("<b>eve</b>@example.test").And.Contain("<img src=x").And.Contain("<i>tx</i>").And.Contain("<u>refused</u>");
        row.FindElements(By.CssSelector("b, img, i, u")).Should().BeEmpty("what an admin or Gameball wrote is shown, never run");
        Browser.Title.Should().NotBe("owned");
    }
}
