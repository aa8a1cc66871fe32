using OpenQA.Selenium;
using OpenQA.Selenium.Support.UI;

namespace Nop.Plugin.Misc.Gameball.Tests.Browser;

/// <summary>The order preview in the cart's order summary, in Chromium.</summary>
[TestFixture]
[NonParallelizable]
public class CartPreviewBrowserTests : BrowserTest
{
    [Test]
    public void TheCartShowsThePointsOfTheWholeOrder()
    {
        var shopper = Demo.Store.CurrentCustomer!;
        Demo.Store.AddToCart(shopper, Demo.Store.AddProduct("Leather weekender bag", 100m), 1);
        Demo.Store.AddToCart(shopper, Demo.Store.AddProduct("Mug", 12.5m), 2);

        Browser.Navigate().GoToUrl($"{Demo.BaseUrl}/cart");

        var text = new WebDriverWait(Browser, TimeSpan.FromSeconds(15)).Until(_ =>
        {
            var preview = Browser.FindElement(By.CssSelector("[data-gameball-preview='cart']"));
            return preview.Displayed && preview.Text.Length > 0 ? preview.Text : null;
        });
        Screenshot("cart-preview.png");

        text.Should().Be("You will earn 137 points with this order");
        Demo.Fake.Requests.Should().ContainSingle(r => r.Path.EndsWith("/orders/cashback", StringComparison.Ordinal)).Which.Violations.Should().BeEmpty();
    }

    [Test]
    public void AnEmptyCartShowsNoPreview()
    {
        Browser.Navigate().GoToUrl($"{Demo.BaseUrl}/cart");
        Thread.Sleep(1000);

        Browser.FindElement(By.CssSelector("[data-gameball-preview='cart']")).Displayed.Should().BeFalse();
        Demo.Fake.Requests.Should().BeEmpty();
    }
}
