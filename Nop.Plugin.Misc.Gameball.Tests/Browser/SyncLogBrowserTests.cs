using Microsoft.Extensions.DependencyInjection;
using Nop.Plugin.Misc.Gameball.FakeGameball;
using Nop.Plugin.Misc.Gameball.Services.Orders;
using OpenQA.Selenium;
using OpenQA.Selenium.Support.UI;

namespace Nop.Plugin.Misc.Gameball.Tests.Browser;

/// <summary>The sync log page in Chromium: a failed order is listed and "Retry now" sends it.</summary>
[TestFixture]
[NonParallelizable]
public class SyncLogBrowserTests : BrowserTest
{
    [Test]
    public async Task AFailedOrderIsListedAndRetrySendsIt()
    {
        var order = Demo.Store.AddPaidOrder(Demo.Store.AddCustomer("sam@example.test"), (Demo.Store.AddProduct("Cap", 20m), 1));
        Demo.Store.Settings[0].MaxSyncAttempts = 1;
        Demo.Fake.Faults.Next(new Fault(FaultKind.ServerError), times: 3);
        await using (var scope = Demo.Services.CreateAsyncScope())
            (await scope.ServiceProvider.GetRequiredService<OrderSyncProcessor>().ProcessAsync(order.Id, false, CancellationToken.None)).Status.Should().Be(SyncStatus.Failed);

        Browser.Navigate().GoToUrl($"{Demo.BaseUrl}/Admin/GameballAdmin/SyncLog?Status=Failed");
        var row = Browser.FindElement(By.CssSelector($"tr[data-order-id='{order.Id}']"));
        row.FindElement(By.CssSelector(".gameball-status")).Text.Should().Be("Failed");
        row.FindElement(By.CssSelector(".gameball-error")).Text.Should().Contain("500");
        Screenshot("sync-log.png");

        row.FindElement(By.CssSelector(".gameball-retry")).Click();

        new WebDriverWait(Browser, TimeSpan.FromSeconds(15)).Until(_ => row.GetAttribute("data-status") == "Sent").Should().BeTrue();
        row.FindElement(By.CssSelector(".gameball-status")).Text.Should().Be("Sent");
        Demo.Fake.Ledger.Orders.Should().ContainSingle().Which.OrderId.Should().Be(order.OrderGuid.ToString());
    }
}
