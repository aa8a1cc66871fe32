using OpenQA.Selenium;
using OpenQA.Selenium.Support.UI;

namespace Nop.Plugin.Misc.Gameball.Tests.Browser;

/// <summary>
/// The order preview in the cart's order summary, in Chromium: a row of nopCommerce's totals table, left to
/// right and right to left, that survives nopCommerce re-rendering the totals.
/// </summary>
[TestFixture]
[NonParallelizable]
public class CartPreviewBrowserTests : BrowserTest
{
    internal const string CartPreview = "GET /Plugins/Gameball/CartPointsPreview";

    private void FillCart()
    {
        var shopper = Demo.Store.CurrentCustomer!;
        Demo.Store.AddToCart(shopper, Demo.Store.AddProduct("Leather weekender bag", 100m), 1);
        Demo.Store.AddToCart(shopper, Demo.Store.AddProduct("Mug", 12.5m), 2);
    }

    private IWebElement WaitForRow(string scope = ".order-summary-content", string points = "137 points") =>
        new WebDriverWait(Browser, TimeSpan.FromSeconds(15)).Until(_ =>
        {
            var rows = Browser.FindElements(By.CssSelector($"{scope} .totals table.cart-total tr.gameball-points-row"));
            return rows.Count == 1 && rows[0].Displayed && rows[0].Text.Contains(points, StringComparison.Ordinal) ? rows[0] : null;
        })!;


    [Test]
    public void TheCartShowsThePointsOfTheWholeOrderAsARowOfTheTotalsTable()
    {
        FillCart();

        Browser.Navigate().GoToUrl($"{Demo.BaseUrl}/cart");

        var row = WaitForRow();
        ScreenshotOf(row, "cart-preview.png");

        row.FindElement(By.CssSelector("td.cart-total-left")).Text.Should().Be("Points you will earn:");
        row.FindElement(By.CssSelector("td.cart-total-right .value-summary")).Text.Should().Be("137 points");
        row.FindElement(By.CssSelector("[role='status']")).GetAttribute("aria-live").Should().Be("polite");
        // the last row, after nopCommerce's own order total (and its reward points row when there is one)
        Script<bool>("return arguments[0] === arguments[0].parentNode.lastElementChild;", row).Should().BeTrue();
        // the placeholder in the zone, next to the table, takes no room
        Browser.FindElement(By.CssSelector(".totals [data-gameball-preview='cart']")).Size.Height.Should().Be(0);
        // aligned as the theme aligns every row: label at the start, value at the end, under the total
        var cells = Script<IReadOnlyCollection<object>>("""
            var row = arguments[0], total = document.querySelector('.cart-total .order-total');
            var l = row.cells[0], r = row.cells[1];
            var value = r.firstElementChild.getBoundingClientRect(), totalValue = total.cells[1].querySelector('strong').getBoundingClientRect();
            return [getComputedStyle(l).textAlign, getComputedStyle(r).textAlign, value.right, totalValue.right,
                l.firstElementChild.getBoundingClientRect().left, total.cells[0].querySelector('label').getBoundingClientRect().left];
            """, row).ToList();
        cells[0].Should().Be("left");
        cells[1].Should().Be("right");
        Convert.ToDouble(cells[2]).Should().BeApproximately(Convert.ToDouble(cells[3]), 1.0);
        Convert.ToDouble(cells[4]).Should().BeApproximately(Convert.ToDouble(cells[5]), 1.0);

        Demo.RequestCount(CartPreview).Should().Be(1);
        Demo.Fake.Requests.Should().ContainSingle(r => r.Path.EndsWith("/orders/cashback", StringComparison.Ordinal)).Which.Violations.Should().BeEmpty();
    }

    [Test]
    public void InArabicTheRowIsArabicAndMirroredLikeTheOtherTotals()
    {
        FillCart();

        // the store's Arabic language (ar-EG, right to left)
        Browser.Navigate().GoToUrl($"{Demo.BaseUrl}/cart?lang=ar");

        var row = WaitForRow(points: "137 نقطة");
        ScreenshotOf(row, "cart-preview-rtl.png");

        Script<string>("return document.documentElement.dir;").Should().Be("rtl");
        row.FindElement(By.CssSelector("td.cart-total-left")).Text.Should().Be("النقاط التي ستكسبها:");
        row.FindElement(By.CssSelector("td.cart-total-right .value-summary")).Text.Should().Be("137 نقطة");
        row.FindElement(By.CssSelector("td.cart-total-left")).GetCssValue("font-style").Should().Be("normal", "Arabic script has no italic: slanted it reads as broken");
        Script<bool>("return document.documentElement.scrollWidth > document.documentElement.clientWidth;").Should().BeFalse("nothing sticks out sideways");
        var layout = Script<IReadOnlyCollection<object>>("""
            var row = arguments[0], total = document.querySelector('.cart-total .order-total');
            var l = row.cells[0], r = row.cells[1];
            return [getComputedStyle(l).textAlign, getComputedStyle(r).textAlign,
                l.getBoundingClientRect().left, r.getBoundingClientRect().left,
                l.firstElementChild.getBoundingClientRect().right, total.cells[0].querySelector('label').getBoundingClientRect().right,
                r.firstElementChild.getBoundingClientRect().left, total.cells[1].querySelector('strong').getBoundingClientRect().left];
            """, row).ToList();
        layout[0].Should().Be("right", "the label cell starts on the right, as the theme's RTL styles put every label");
        layout[1].Should().Be("left");
        Convert.ToDouble(layout[2]).Should().BeGreaterThan(Convert.ToDouble(layout[3]), "the label cell is right of the value cell");
        Convert.ToDouble(layout[4]).Should().BeApproximately(Convert.ToDouble(layout[5]), 1.0);
        Convert.ToDouble(layout[6]).Should().BeApproximately(Convert.ToDouble(layout[7]), 1.0);
    }

    [Test]
    public void WhenNopCommerceReRendersTheTotalsTheRowComesBackWithOneRequestPerNewState()
    {
        FillCart();
        const string attributeChange = "POST /cart/checkoutattributechange";

        Browser.Navigate().GoToUrl($"{Demo.BaseUrl}/cart");
        WaitForRow();
        // nopCommerce posts the checkout attributes once the page is ready and replaces .total-info with the
        // same totals: the row goes back in, and nothing is asked again
        new WebDriverWait(Browser, TimeSpan.FromSeconds(15)).Until(_ => Demo.RequestCount(attributeChange) == 1);
        Thread.Sleep(700);
        WaitForRow();
        Demo.RequestCount(CartPreview).Should().Be(1);

        // a checkout attribute with a price: new totals, a new state, one more request
        Script<object>("window.gameballOldTotals = document.querySelector('.total-info'); return true;");
        Browser.FindElement(By.CssSelector("#checkout_attribute_1 option[value='1']")).Click();
        new WebDriverWait(Browser, TimeSpan.FromSeconds(15)).Until(_ =>
            Script<bool>("return document.querySelector('.total-info') !== window.gameballOldTotals;")
            && Browser.FindElement(By.CssSelector(".cart-total .order-total")).Text.Contains("$142.50", StringComparison.Ordinal));
        var row = WaitForRow();
        Script<bool>("return document.querySelector('.total-info').contains(arguments[0]);", row).Should().BeTrue();
        new WebDriverWait(Browser, TimeSpan.FromSeconds(15)).Until(_ => Demo.RequestCount(CartPreview) == 2);
        Thread.Sleep(700);
        Demo.RequestCount(CartPreview).Should().Be(2);
        Browser.FindElements(By.CssSelector("tr.gameball-points-row")).Should().HaveCount(1);
    }

    [Test]
    public void AnEmptyCartShowsNoPreview()
    {
        Browser.Navigate().GoToUrl($"{Demo.BaseUrl}/cart");
        Thread.Sleep(1000);

        Browser.FindElements(By.CssSelector("[data-gameball-preview='cart']")).Should().BeEmpty("nopCommerce renders the totals only for a cart with items");
        Demo.RequestCount(CartPreview).Should().Be(0);
        Demo.Fake.Requests.Should().BeEmpty();
    }
}
