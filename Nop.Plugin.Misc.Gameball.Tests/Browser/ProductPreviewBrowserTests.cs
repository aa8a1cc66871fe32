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
        ScreenshotOf(PreviewOf(_bag.Id), "product-preview.png");
        Demo.Fake.Requests.Should().ContainSingle(r => r.Path.EndsWith("/orders/cashback", StringComparison.Ordinal)).Which.Violations.Should().BeEmpty();
    }

    [Test]
    public void ThePreviewAppearsBelowTheButtonsWithoutMovingTheAddToCartButton()
    {
        // Gameball answers late: the preview appears well after the page has been laid out
        Demo.Fake.Faults.Next(new Fault(FaultKind.Latency, "/orders/cashback", Delay: TimeSpan.FromMilliseconds(700)));
        Browser.Navigate().GoToUrl($"{Demo.BaseUrl}/product/{_bag.Id}");
        var button = Browser.FindElement(By.Id($"add-to-cart-button-{_bag.Id}"));

        WaitForPreviewText(_bag.Id, "Buy this and earn 110 points");

        // the button is where it is without the preview
        var shown = button.Location;
        ((IJavaScriptExecutor)Browser).ExecuteScript("arguments[0].querySelector('.gameball-points-text').hidden = true;", PreviewOf(_bag.Id));
        PreviewOf(_bag.Id).Size.Height.Should().Be(0, "the empty placeholder takes no room");
        button.Location.Should().Be(shown);
        ((IJavaScriptExecutor)Browser).ExecuteScript("arguments[0].querySelector('.gameball-points-text').hidden = false;", PreviewOf(_bag.Id));
        var preview = PreviewOf(_bag.Id);
        preview.Location.Y.Should().BeGreaterThan(Browser.FindElement(By.CssSelector(".overview-buttons")).Location.Y, "it sits at the end of the overview");
        preview.GetAttribute("role").Should().Be("status");
        // Chromium's own record of layout shifts: none moved the add-to-cart button
        var shiftsOfButton = ((IJavaScriptExecutor)Browser).ExecuteAsyncScript("""
            var done = arguments[arguments.length - 1], button = arguments[0], moved = 0;
            new PerformanceObserver(function (list) {
              list.getEntries().forEach(function (e) {
                (e.sources || []).forEach(function (s) { if (s.node && (s.node === button || s.node.contains(button))) { moved++; } });
              });
            }).observe({ type: 'layout-shift', buffered: true });
            setTimeout(function () { done(moved); }, 300);
            """, button);
        Convert.ToInt32(shiftsOfButton).Should().Be(0);
    }

    [Test]
    public void InArabicThePreviewLineIsArabicAndStartsOnTheRight()
    {
        // the store's Arabic language (ar-EG, right to left): nopCommerce renders <html dir="rtl">, the plugin's Arabic resources
        Browser.Navigate().GoToUrl($"{Demo.BaseUrl}/product/{_bag.Id}?lang=ar");

        WaitForPreviewText(_bag.Id, "اشترِ هذا المنتج واكسب 110 نقطة");
        ((IJavaScriptExecutor)Browser).ExecuteScript("return document.documentElement.dir;").Should().Be("rtl");
        ScreenshotOf(PreviewOf(_bag.Id), "product-preview-rtl.png");

        var edges = ((IJavaScriptExecutor)Browser).ExecuteScript("""
            var text = arguments[0].querySelector('.gameball-points-text'), overview = document.querySelector('.overview');
            var icon = getComputedStyle(text, '::before');
            return [text.getBoundingClientRect().right, overview.getBoundingClientRect().right, icon.width];
            """, PreviewOf(_bag.Id)) as IReadOnlyCollection<object>;
        var list = edges!.ToList();
        Convert.ToDouble(list[0]).Should().BeApproximately(Convert.ToDouble(list[1]), 1.0, "the line starts at the right edge of the overview");
        list[2].Should().Be("20px");
        // the icon comes first, on the right of the text, as a start-aligned line reads
        ((IJavaScriptExecutor)Browser).ExecuteScript("""
            var text = arguments[0].querySelector('.gameball-points-text'), range = document.createRange();
            range.selectNodeContents(text);
            return text.getBoundingClientRect().right - range.getBoundingClientRect().right;
            """, PreviewOf(_bag.Id)).Should().Match<object>(gap => Convert.ToDouble(gap) >= 20, "the 20px icon and its gap are right of the words");
        ((IJavaScriptExecutor)Browser).ExecuteScript("return document.documentElement.scrollWidth > document.documentElement.clientWidth;").Should().Be(false, "nothing sticks out sideways");
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
        PreviewOf(_bag.Id).Size.Height.Should().Be(0, "an empty placeholder takes no room");
        Browser.FindElement(By.CssSelector(".product-name h1")).Text.Should().Be("Leather weekender bag");
        Browser.FindElement(By.CssSelector(".add-to-cart-button")).Displayed.Should().BeTrue();
        Browser.Title.Should().Be("Leather weekender bag");
    }
}
