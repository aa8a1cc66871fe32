using Microsoft.Extensions.DependencyInjection;
using Nop.Core.Domain.Orders;
using Nop.Plugin.Misc.Gameball.FakeGameball;
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

    private async Task<Order> OrderThatEndsAsync(SyncStatus expected, string email)
    {
        var order = Demo.Store.AddPaidOrder(Demo.Store.AddCustomer(email), (Demo.Store.AddProduct("Cap", 20m), 1));
        if (expected == SyncStatus.Failed)
        {
            Demo.Store.Settings[0].MaxSyncAttempts = 1;
            Demo.Fake.Faults.Next(new Fault(FaultKind.ServerError));
        }

        await using var scope = Demo.Services.CreateAsyncScope();
        (await scope.ServiceProvider.GetRequiredService<OrderSyncProcessor>().ProcessAsync(order.Id, false, CancellationToken.None)).Status.Should().Be(expected);
        return order;
    }

    private static By RowOf(Order order) => By.XPath($"//table[@id='gameball-sync-log-grid']//a[substring(@href, string-length(@href) - string-length('/Admin/Order/Edit/{order.Id}') + 1) = '/Admin/Order/Edit/{order.Id}']/ancestor::tr");

    private WebDriverWait Wait => new(Browser, TimeSpan.FromSeconds(15));

    private string StatusOf(Order order) => Browser.FindElement(RowOf(order)).FindElement(By.CssSelector(".gameball-status")).GetAttribute("data-status")!;

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
        Screenshot("sync-log.png");

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
        Browser.FindElement(By.Id("gameball-sync-counts")).Text.Should().Contain("Orders waiting for Gameball: 0. Orders that failed: 1.");
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
}
