using System.Globalization;
using System.Net;
using OpenQA.Selenium;
using OpenQA.Selenium.Support.UI;

namespace Nop.Plugin.Misc.Gameball.Tests.Browser;

/// <summary>
/// A shopper past the per-client limit: the plugin's script gets 429 from the preview endpoint, and the
/// preview stays hidden while the page is intact.
/// </summary>
[TestFixture]
[NonParallelizable]
public class PreviewClientLimitBrowserTests : BrowserTest
{
    [Test]
    public async Task PastTheLimitThePreviewStaysHidden()
    {
        var bag = Demo.Store.AddProduct("Leather weekender bag", 100m, "BAG-1");
        Demo.Store.Settings[1].PreviewRequestsPerMinutePerClient = 1;
        // this machine (the browser's address too) spends its one preview of the minute
        using (var http = new HttpClient { BaseAddress = new Uri(Demo.BaseUrl) })
        {
            var spent = await http.PostAsync("/Plugins/Gameball/ProductPointsPreview", new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["productId"] = bag.Id.ToString(CultureInfo.InvariantCulture),
                ["quantity"] = "2",
            }));
            spent.StatusCode.Should().Be(HttpStatusCode.OK);
        }

        var upstream = Demo.Fake.Requests.Count;

        Browser.Navigate().GoToUrl($"{Demo.BaseUrl}/product/{bag.Id}");
        // Chromium reports each fetch's status in the resource timing entries
        new WebDriverWait(Browser, TimeSpan.FromSeconds(15)).Until(_ => ((IJavaScriptExecutor)Browser).ExecuteScript(
            "return performance.getEntriesByType('resource').some(e => e.name.indexOf('ProductPointsPreview') >= 0 && e.responseStatus === 429);") is true);
        Thread.Sleep(300);

        Browser.FindElement(By.CssSelector($"[data-gameball-preview='product'][data-product-id='{bag.Id}']")).Displayed.Should().BeFalse();
        Browser.FindElement(By.CssSelector(".product-name h1")).Text.Should().Be("Leather weekender bag");
        Browser.FindElement(By.CssSelector(".add-to-cart-button")).Displayed.Should().BeTrue();
        Demo.Fake.Requests.Should().HaveCount(upstream, "a refused request does not reach Gameball");
    }
}
