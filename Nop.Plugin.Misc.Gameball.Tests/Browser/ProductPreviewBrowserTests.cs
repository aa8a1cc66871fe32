using Nop.Plugin.Misc.Gameball.FakeGameball;
using OpenQA.Selenium;
using OpenQA.Selenium.Support.UI;

namespace Nop.Plugin.Misc.Gameball.Tests.Browser;

/// <summary>
/// The points preview as a shopper meets it: a real Chromium (Debian's chromium and chromium-driver,
/// headless) on the demo store's product page, the plugin's script talking to the plugin's endpoint,
/// which asks the fake Gameball.
/// </summary>
[TestFixture]
[NonParallelizable]
public class ProductPreviewBrowserTests : BrowserTest
{
    private Nop.Core.Domain.Catalog.Product _bag = null!;

    [SetUp]
    public void AddProduct() => _bag = Demo.Store.AddProduct("Leather weekender bag", 100m, "BAG-1");

    private IWebElement PreviewOf(int productId) => Browser.FindElement(By.CssSelector($"[data-gameball-preview='product'][data-product-id='{productId}']"));

    private string WaitForPreviewText(int productId, string expected)
    {
        var wait = new WebDriverWait(Browser, TimeSpan.FromSeconds(15));
        return wait.Until(_ =>
        {
            var preview = PreviewOf(productId);
            return preview.Displayed && preview.Text == expected ? preview.Text : null;
        })!;
    }

    [Test]
    public void TheProductPageShowsThePointsGameballComputes()
    {
        Browser.Navigate().GoToUrl($"{Demo.BaseUrl}/product/{_bag.Id}");

        WaitForPreviewText(_bag.Id, "Buy this and earn 110 points").Should().NotBeNull();
        Screenshot("product-preview.png");
        Demo.Fake.Requests.Should().ContainSingle(r => r.Path.EndsWith("/orders/cashback", StringComparison.Ordinal)).Which.Violations.Should().BeEmpty();
    }

    [Test]
    public void ChangingTheQuantityUpdatesThePreview()
    {
        Browser.Navigate().GoToUrl($"{Demo.BaseUrl}/product/{_bag.Id}");
        WaitForPreviewText(_bag.Id, "Buy this and earn 110 points");

        var quantity = Browser.FindElement(By.Id($"product_enteredQuantity_{_bag.Id}"));
        quantity.Clear();
        quantity.SendKeys("3");

        WaitForPreviewText(_bag.Id, "Buy this and earn 330 points").Should().NotBeNull();
    }

    [Test]
    public void WithGameballDownThePreviewStaysHiddenAndThePageIsIntact()
    {
        Demo.Fake.Faults.For(new Fault(FaultKind.ServiceUnavailable), TimeSpan.FromMinutes(5));

        Browser.Navigate().GoToUrl($"{Demo.BaseUrl}/product/{_bag.Id}");
        new WebDriverWait(Browser, TimeSpan.FromSeconds(15)).Until(_ => Demo.Fake.Requests.Count > 0);
        Thread.Sleep(500);

        PreviewOf(_bag.Id).Displayed.Should().BeFalse();
        Browser.FindElement(By.CssSelector("h1.product-name")).Text.Should().Be("Leather weekender bag");
        Browser.FindElement(By.CssSelector(".add-to-cart-button")).Displayed.Should().BeTrue();
        Browser.Title.Should().Be("Leather weekender bag");
    }
}
