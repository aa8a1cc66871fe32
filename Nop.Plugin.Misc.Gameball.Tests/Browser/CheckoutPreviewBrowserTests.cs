using OpenQA.Selenium;
using OpenQA.Selenium.Support.UI;

namespace Nop.Plugin.Misc.Gameball.Tests.Browser;

/// <summary>
/// The order preview in checkout, in Chromium: nopCommerce's one-page checkout (the default), whose confirm
/// step with the order summary arrives after load as HTML in a JSON answer and goes in with jQuery .html(),
/// and the multi-step checkout's confirm page.
/// </summary>
[TestFixture]
[NonParallelizable]
public class CheckoutPreviewBrowserTests : BrowserTest
{
    private const string ConfirmStep = "#checkout-confirm-order-load";

    [SetUp]
    public void FillCart()
    {
        var shopper = Demo.Store.CurrentCustomer!;
        Demo.Store.AddToCart(shopper, Demo.Store.AddProduct("Leather weekender bag", 100m), 1);
        Demo.Store.AddToCart(shopper, Demo.Store.AddProduct("Mug", 12.5m), 2);
    }


    private WebDriverWait Wait(int seconds = 15) => new(Browser, TimeSpan.FromSeconds(seconds));

    private void Continue(string buttonSelector, string nextStep)
    {
        Browser.FindElement(By.CssSelector(buttonSelector)).Click();
        Wait().Until(_ => Browser.FindElement(By.Id(nextStep)).Displayed);
    }

    // the confirm step's placeholder of this insertion, and the preview shown in the step
    private void WaitForPreviewInConfirmStep()
    {
        Wait().Until(_ =>
        {
            var step = Browser.FindElement(By.CssSelector(ConfirmStep));
            return step.Displayed && step.Text.Contains("137 points", StringComparison.Ordinal);
        });
    }

    [Test]
    public void TheOnePageCheckoutShowsThePreviewInEveryConfirmStepItInserts()
    {
        Browser.Navigate().GoToUrl($"{Demo.BaseUrl}/onepagecheckout");
        Browser.FindElements(By.CssSelector("[data-gameball-preview]")).Should().BeEmpty("the checkout page itself has no order summary");

        Continue("#billing-buttons-container .new-address-next-step-button", "checkout-step-payment-method");
        Continue("#payment-method-buttons-container .payment-method-next-step-button", "checkout-step-payment-info");
        Continue("#payment-info-buttons-container .payment-info-next-step-button", "checkout-step-confirm-order");

        WaitForPreviewInConfirmStep();
        ScreenshotOf(Browser.FindElement(By.CssSelector($"{ConfirmStep} .totals")), "opc-preview.png");
        Thread.Sleep(700);
        Demo.RequestCount(CartPreviewBrowserTests.CartPreview).Should().Be(1, "one request for the inserted placeholder");

        // back to payment information and on again: nopCommerce saves the step again and inserts a new confirm
        // step (its script tag runs again); the new placeholder gets its preview with one more request
        Script<bool>($"window.gameballFirstStep = document.querySelector(\"{ConfirmStep} [data-gameball-preview='cart']\"); return true;");
        Browser.FindElement(By.CssSelector("#confirm-order-buttons-container .back-link a")).Click();
        Wait().Until(_ => Browser.FindElement(By.Id("checkout-step-payment-info")).Displayed);
        Continue("#payment-info-buttons-container .payment-info-next-step-button", "checkout-step-confirm-order");
        Wait().Until(_ => Script<bool>("return !!window.gameballFirstStep && !document.contains(window.gameballFirstStep);"));

        WaitForPreviewInConfirmStep();
        Thread.Sleep(700);
        Demo.RequestCount(CartPreviewBrowserTests.CartPreview).Should().Be(2, "one request per inserted confirm step, however often the script tag runs");
        Demo.RequestCount("POST /checkout/OpcSavePaymentInfo/").Should().Be(2);

        // and a third time, for good measure
        Browser.FindElement(By.CssSelector("#confirm-order-buttons-container .back-link a")).Click();
        Wait().Until(_ => Browser.FindElement(By.Id("checkout-step-payment-info")).Displayed);
        Continue("#payment-info-buttons-container .payment-info-next-step-button", "checkout-step-confirm-order");
        Wait().Until(_ => Demo.RequestCount("POST /checkout/OpcSavePaymentInfo/") == 3);
        WaitForPreviewInConfirmStep();
        Thread.Sleep(700);
        Demo.RequestCount(CartPreviewBrowserTests.CartPreview).Should().Be(3);

        // shown as nopCommerce shows its own totals: a row of the step's totals table
        var row = Browser.FindElement(By.CssSelector($"{ConfirmStep} .totals table.cart-total tr.gameball-points-row"));
        row.FindElement(By.CssSelector("td.cart-total-right .value-summary")).Text.Should().Be("137 points");
        Browser.FindElements(By.CssSelector("tr.gameball-points-row")).Should().HaveCount(1);
    }

    [Test]
    public void TheMultiStepCheckoutsConfirmPageShowsThePreview()
    {
        Browser.Navigate().GoToUrl($"{Demo.BaseUrl}/checkout/confirm");

        var row = Wait().Until(_ =>
        {
            var rows = Browser.FindElements(By.CssSelector(".order-confirm-page .order-summary .totals table.cart-total tr.gameball-points-row"));
            return rows.Count == 1 && rows[0].Displayed && rows[0].Text.Contains("137 points", StringComparison.Ordinal) ? rows[0] : null;
        })!;
        ScreenshotOf(row, "confirm-preview.png");

        row.FindElement(By.CssSelector("td.cart-total-left")).Text.Should().Be("Points you will earn:");
        Thread.Sleep(500);
        Demo.RequestCount(CartPreviewBrowserTests.CartPreview).Should().Be(1);
    }

    [Test]
    public void MovingAPlaceholderOrRunningTheScriptAgainAsksNothingMore()
    {
        Browser.Navigate().GoToUrl($"{Demo.BaseUrl}/checkout/confirm");
        Wait().Until(_ => Browser.FindElements(By.CssSelector("tr.gameball-points-row")).Count == 1);

        // a theme script moves the placeholder, and the plugin's script tag runs once more
        Script<bool>("""
            var placeholder = document.querySelector('[data-gameball-preview="cart"]'), totals = placeholder.parentNode;
            totals.removeChild(placeholder);
            totals.appendChild(placeholder);
            var again = document.createElement('script');
            again.src = document.querySelector('script[src*="points-preview.js"]').src;
            document.body.appendChild(again);
            return true;
            """);
        Thread.Sleep(1000);

        Demo.RequestCount(CartPreviewBrowserTests.CartPreview).Should().Be(1);
        Browser.FindElements(By.CssSelector("tr.gameball-points-row")).Should().ContainSingle().Which.Text.Should().Contain("137 points");
    }
}
