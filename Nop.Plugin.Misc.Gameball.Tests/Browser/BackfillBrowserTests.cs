using Nop.Core.Domain.Orders;
using Nop.Plugin.Misc.Gameball.FakeGameball;
using OpenQA.Selenium;
using OpenQA.Selenium.Support.UI;

namespace Nop.Plugin.Misc.Gameball.Tests.Browser;

/// <summary>
/// The backfill page in Chromium, inside the demo store's admin layout: the owner picks a date, starts the run,
/// watches the progress bar and the figures while the background worker and the outbox send past orders to the
/// fake Gameball, and can cancel.
/// </summary>
[TestFixture]
[NonParallelizable]
public class BackfillBrowserTests : BrowserTest
{
    private WebDriverWait Wait(int seconds = 30) => new(Browser, TimeSpan.FromSeconds(seconds));

    private IWebElement OrdersCard => Browser.FindElement(By.CssSelector(".gameball-backfill-run[data-kind='Orders']"));

    private List<Order> PastOrders(int count)
    {
        var customer = Demo.Store.AddCustomer("returning@example.test");
        var cap = Demo.Store.AddProduct("Cap", 20m);
        return Enumerable.Range(0, count).Select(_ =>
        {
            var order = Demo.Store.AddPaidOrder(customer, (cap, 1));
            order.PaidDateUtc = DateTime.UtcNow.AddDays(-90);
            order.CreatedOnUtc = DateTime.UtcNow.AddDays(-90);
            return order;
        }).ToList();
    }

    private void OpenAndStart(DateTime since)
    {
        Browser.Navigate().GoToUrl($"{Demo.BaseUrl}/Admin/GameballAdmin/Backfill");
        var card = Wait().Until(_ => OrdersCard);
        ((IJavaScriptExecutor)Browser).ExecuteScript("arguments[0].value = arguments[1];", card.FindElement(By.CssSelector("input[type=date]")), since.ToString("yyyy-MM-dd"));
        card.FindElement(By.CssSelector(".gameball-backfill-start")).Click();
    }

    private string Figures => OrdersCard.FindElement(By.CssSelector(".gameball-backfill-figures")).Text;

    [Test]
    public void PastOrdersAreSentWhileTheBarFillsUp()
    {
        var orders = PastOrders(40);
        Demo.Fake.Faults.For(new Fault(FaultKind.Latency, "orders", Delay: TimeSpan.FromMilliseconds(100)), TimeSpan.FromMinutes(1));

        OpenAndStart(DateTime.UtcNow.AddDays(-120));

        Wait().Until(_ => OrdersCard.FindElement(By.CssSelector(".gameball-backfill-answer")).Text.Length > 0);
        OrdersCard.FindElement(By.CssSelector(".gameball-backfill-answer")).Text.Should().Contain("background");
        Wait().Until(_ => Figures.StartsWith("Running", StringComparison.Ordinal)).Should().BeTrue("the page shows the run while it goes on");
        OrdersCard.FindElement(By.CssSelector(".gameball-backfill-cancel")).Displayed.Should().BeTrue();
        try
        {
            Wait(60).Until(_ => Figures.StartsWith("Completed", StringComparison.Ordinal) && Figures.Contains("40 of 40 sent", StringComparison.Ordinal));
        }
        catch (WebDriverTimeoutException)
        {
            Assert.Fail("The page showed: " + Figures);
        }


        var bar = OrdersCard.FindElement(By.CssSelector(".progress-bar"));
        bar.GetAttribute("aria-valuenow").Should().Be("100");
        bar.Text.Should().Be("100%");
        OrdersCard.FindElement(By.CssSelector(".gameball-backfill-start")).Displayed.Should().BeTrue("a finished run can be started again");
        Demo.Fake.Ledger.Orders.Select(o => o.OrderId).Should().BeEquivalentTo(orders.Select(o => o.OrderGuid.ToString()));
        ScreenshotOf(OrdersCard, "backfill.png");
    }

    [Test]
    public void CancelStopsTheRunOnThePage()
    {
        PastOrders(400);
        Demo.Fake.Faults.For(new Fault(FaultKind.Latency, "orders", Delay: TimeSpan.FromMilliseconds(400)), TimeSpan.FromMinutes(2));

        OpenAndStart(DateTime.UtcNow.AddDays(-120));
        Wait().Until(_ => OrdersCard.FindElement(By.CssSelector(".gameball-backfill-cancel")).Displayed);
        OrdersCard.FindElement(By.CssSelector(".gameball-backfill-cancel")).Click();

        Wait().Until(_ => Figures.StartsWith("Cancelled", StringComparison.Ordinal));
        OrdersCard.FindElement(By.CssSelector(".gameball-backfill-answer")).Text.Should().Contain("withdrawn");
        OrdersCard.FindElement(By.CssSelector(".gameball-backfill-start")).Displayed.Should().BeTrue();
        Thread.Sleep(3000);
        Demo.Fake.Ledger.Orders.Count.Should().BeLessThan(400, "nothing more is handed out after the cancellation");
    }
}
