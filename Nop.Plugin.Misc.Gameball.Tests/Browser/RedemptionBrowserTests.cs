using Nop.Core.Domain.Customers;
using Nop.Plugin.Misc.Gameball.Services.Orders;
using OpenQA.Selenium;
using OpenQA.Selenium.Support.UI;

namespace Nop.Plugin.Misc.Gameball.Tests.Browser;

/// <summary>
/// Paying with points in Chromium, in the demo store's stand-ins of nopCommerce's pages: the cart, the multi-step
/// checkout's confirm page and the one-page checkout (whose confirm step arrives after load). What the shopper
/// sees: their balance, the points taken off as their own totals line, the total the order is placed with.
/// </summary>
[TestFixture]
[NonParallelizable]
public class RedemptionBrowserTests : BrowserTest
{
    private const string Box = ".cart-footer [data-gameball-redemption]";

    private Customer _maria = null!;
    private string _mariaId = null!;

    [SetUp]
    public void SignedInShopperWithPoints()
    {
        Demo.Store.Settings[0].EnableRedemption = true;
        _maria = Demo.Store.AddCustomer("maria@example.test");
        _maria.CustomerGuid = Guid.NewGuid();
        _maria.RegisteredInStoreId = 1;
        _mariaId = GameballIdentifiers.CustomerId(_maria);
        Demo.Fake.Ledger.GrantPoints(_mariaId, 2000);
        Demo.Store.CurrentCustomer = _maria;
        // two bags: $110.00 with tax; at most half of it (550 points) may be paid with points
        Demo.Store.AddToCart(_maria, Demo.Store.AddProduct("Canvas tote bag", 50m), 2);
    }

    private WebDriverWait Wait(int seconds = 15)
    {
        var wait = new WebDriverWait(Browser, TimeSpan.FromSeconds(seconds));
        // the one-page checkout's totals are replaced while a wait reads them
        wait.IgnoreExceptionTypes(typeof(StaleElementReferenceException));
        return wait;
    }

    private IWebElement WaitForBox(string scope = "") => Wait().Until(_ =>
    {
        var boxes = Browser.FindElements(By.CssSelector((scope + " " + Box).Trim()));
        return boxes.Count == 1 && boxes[0].Displayed && boxes[0].Text.Contains("2,000 points available", StringComparison.Ordinal) ? boxes[0] : null;
    })!;

    private string OrderTotal(string scope = "") => Browser.FindElement(By.CssSelector((scope + " table.cart-total tr.order-total .value-summary").Trim())).Text;

    /// <summary>Types the points and applies them; the page reloads with the totals nopCommerce renders.</summary>
    private void Apply(IWebElement box, long points)
    {
        var input = box.FindElement(By.CssSelector("input.gameball-redemption-points"));
        input.Clear();
        input.SendKeys(points.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Browser.ExecuteScript("window.gameballBeforeApply = true;");
        box.FindElement(By.CssSelector("button.gameball-redemption-apply-button")).Click();
        Wait().Until(_ => !(bool)Browser.ExecuteScript("return window.gameballBeforeApply === true;")!);
    }

    private IWebElement WaitForPointsLine(string scope = "") => Wait().Until(_ =>
    {
        var rows = Browser.FindElements(By.CssSelector((scope + " table.cart-total tr.giftcard-summary.gameball-points-redeemed").Trim()));
        return rows.Count == 1 && rows[0].Displayed ? rows[0] : null;
    })!;

    [Test]
    public void InTheCartTheShopperAppliesPointsSeesThemAsTheirOwnLineAndRemovesThem()
    {
        Browser.Navigate().GoToUrl($"{Demo.BaseUrl}/cart");
        var box = WaitForBox();
        box.Text.Should().Contain("worth $200.00").And.Contain("Use from 100 to 550 points");
        OrderTotal().Should().Be("$110.00");

        Apply(box, 300);

        var line = WaitForPointsLine();
        line.FindElement(By.CssSelector("td.cart-total-left label")).Text.Should().Be("Points redeemed:");
        line.FindElement(By.CssSelector("td.cart-total-right")).Text.Should().Be("-$30.00");
        line.Text.Should().NotContain("GB-", "the card's code is not shown");
        OrderTotal().Should().Be("$80.00");
        box = WaitForBox();
        Wait().Until(_ => box.FindElement(By.CssSelector(".gameball-redemption-applied")).Displayed);
        box.FindElement(By.CssSelector(".gameball-redemption-applied-text")).Text.Should().Be("300 points ($30.00) are taken off your order.");
        ScreenshotOf(box, "redemption-cart.png");
        Demo.Fake.Ledger.Holds.Should().ContainSingle().Which.Points.Should().Be(300);

        Browser.ExecuteScript("window.gameballBeforeApply = true;");
        box.FindElement(By.CssSelector("button.gameball-redemption-remove-button")).Click();
        Wait().Until(_ => !(bool)Browser.ExecuteScript("return window.gameballBeforeApply === true;")!);
        Wait().Until(_ => Browser.FindElements(By.CssSelector(Box)).Count == 1 && OrderTotal() == "$110.00");
        Browser.FindElements(By.CssSelector("tr.giftcard-summary")).Should().BeEmpty();
        // the release goes through the outbox; once it has landed, the points are available again
        Wait().Until(_ => Demo.Fake.Ledger.Releases.Count == 1);
        Browser.Navigate().Refresh();
        WaitForBox();
    }

    /// <summary>A checkout's order summary has no deals column: the box stands where it would be, level with the totals.</summary>
    private void ShouldSitBesideTheTotals(string scope)
    {
        var (box, totals) = (Browser.FindElement(By.CssSelector($"{scope} {Box}")), Browser.FindElement(By.CssSelector($"{scope} .cart-footer .totals")));
        box.Location.Y.Should().BeLessThan(totals.Location.Y + totals.Size.Height, "the box is beside the totals, not below them");
        (box.Location.Y + box.Size.Height).Should().BeGreaterThan(totals.Location.Y, "nor above them");
        (box.Location.X + box.Size.Width).Should().BeLessThanOrEqualTo(totals.Location.X, "it stands at the start, the totals at the end");
        var edges = Script<IReadOnlyCollection<object>>("""
            var box = arguments[0], text = document.createRange();
            text.selectNodeContents(box.querySelector('.title'));
            return [text.getBoundingClientRect().left, box.querySelector('input.gameball-redemption-points').getBoundingClientRect().left];
            """, box).Select(Convert.ToDouble).ToList();
        edges[0].Should().BeApproximately(edges[1], 1.0, "the title's text is flush with the field, whatever the checkout's sections do to their titles");
    }

    [Test]
    public void TheMultiStepCheckoutPlacesTheOrderWithTheReducedTotalAndBurnsThePointsOnce()
    {
        Browser.Navigate().GoToUrl($"{Demo.BaseUrl}/checkout/confirm");
        Apply(WaitForBox(".order-confirm-page"), 300);
        WaitForPointsLine(".order-confirm-page");
        OrderTotal(".order-confirm-page").Should().Be("$80.00");
        ShouldSitBesideTheTotals(".order-confirm-page");
        ScreenshotOf(Browser.FindElement(By.CssSelector(".order-confirm-page .cart-footer")), "redemption-confirm.png");

        Browser.FindElement(By.CssSelector("#confirm-order-form .confirm-order-next-step-button")).Click();

        Wait().Until(_ => Browser.FindElements(By.CssSelector(".order-completed-page")).Count == 1);
        Browser.FindElement(By.CssSelector(".order-completed-page .order-total")).Text.Should().Be("Order total: $80.00");
        Wait().Until(_ => Demo.Fake.Ledger.Burns.Count == 1);
        Demo.Fake.Ledger.Burns.Single().Points.Should().Be(300);
        Demo.Fake.Ledger.AvailableOf(_mariaId).Should().Be(1700);

        // the admin's order page: the points, their value in the store's currency, the burn by its name
        var redeemed = Wait().Until(_ =>
        {
            Browser.Navigate().GoToUrl($"{Demo.BaseUrl}/demo-admin/order/{Demo.Store.Orders.Single().Id}");
            var line = Browser.FindElement(By.CssSelector("#gameball-order-card .gameball-order-redemption"));
            return line.Text.Contains("Burned", StringComparison.Ordinal) ? line : null;
        })!;
        redeemed.FindElement(By.CssSelector(".gameball-redemption-points")).Text.Should().Be("300 points ($30.00)");
        redeemed.FindElement(By.CssSelector(".gameball-redemption-step")).Text.Should().Be("· Burn Sent");
    }

    [Test]
    public void TheMultiStepCheckoutDoesNotPlaceAnOrderWithAHoldThatRanOut()
    {
        Browser.Navigate().GoToUrl($"{Demo.BaseUrl}/checkout/confirm");
        Apply(WaitForBox(".order-confirm-page"), 300);
        WaitForPointsLine(".order-confirm-page");
        Demo.Fake.Ledger.ExpireHold(Demo.Fake.Ledger.Holds.Single().Reference);

        Browser.FindElement(By.CssSelector("#confirm-order-form .confirm-order-next-step-button")).Click();

        // back on the confirm page, at the full total, no order placed
        Wait().Until(_ => Browser.FindElements(By.CssSelector(".order-confirm-page table.cart-total tr.order-total")).Count == 1
                          && OrderTotal(".order-confirm-page") == "$110.00");
        Browser.FindElements(By.CssSelector("tr.giftcard-summary")).Should().BeEmpty();
        Demo.Store.Orders.Should().BeEmpty();
        Demo.Fake.Ledger.Burns.Should().BeEmpty();
    }

    /// <summary>
    /// The box and nopCommerce's deals boxes below it (coupon, gift cards) side by side, as numbers: where the field
    /// and its button start and end, their sizes and colours, the title's type.
    /// </summary>
    private Dictionary<string, string> LookOf(IWebElement box) => Script<IReadOnlyDictionary<string, object>>("""
        var box = arguments[0], coupon = document.querySelector('.cart-collaterals .coupon-box');
        function measure(root, input, button) {
            var c = root.querySelector('.coupon-code').getBoundingClientRect(),
                i = root.querySelector(input).getBoundingClientRect(), b = root.querySelector(button).getBoundingClientRect(),
                t = getComputedStyle(root.querySelector('.title')), bs = getComputedStyle(root.querySelector(button));
            // start and end as the page reads: left and right, or right and left
            var rtl = getComputedStyle(root).direction === 'rtl';
            return { start: Math.round(rtl ? c.right : c.left), end: Math.round(rtl ? c.left : c.right), inputStart: Math.round(rtl ? i.right : i.left),
                inputWidth: Math.round(i.width), inputHeight: Math.round(i.height),
                buttonTop: Math.round(b.top - i.top), buttonWidth: Math.round(b.width), buttonHeight: Math.round(b.height),
                buttonBackground: bs.backgroundColor, buttonColor: bs.color, buttonCase: bs.textTransform, titleSize: t.fontSize, titleWeight: t.fontWeight, titleColor: t.color };
        }
        var mine = measure(box, '.gameball-redemption-points', '.gameball-redemption-apply-button'), theirs = measure(coupon, 'input', 'button'), out = {};
        for (var k in mine) { out[k] = mine[k] + ' | ' + theirs[k]; }
        return out;
        """, box).ToDictionary(p => p.Key, p => Convert.ToString(p.Value, System.Globalization.CultureInfo.InvariantCulture)!);

    private static void ShouldLookTheSame(Dictionary<string, string> look)
    {
        foreach (var (what, pair) in look)
        {
            var sides = pair.Split(" | ");
            sides[0].Should().Be(sides[1], $"the box's {what} is that of nopCommerce's coupon box");
        }
    }

    [Test]
    public void InTheCartTheBoxLooksLikeNopCommercesDealsAndLinesUpWithThem()
    {
        Browser.Navigate().GoToUrl($"{Demo.BaseUrl}/cart");
        var box = WaitForBox();

        ShouldLookTheSame(LookOf(box));
    }

    [Test]
    public void InArabicTheBoxAndItsLineAreArabicAndMirrored()
    {
        // the store's Arabic language (ar-EG, right to left)
        Browser.Navigate().GoToUrl($"{Demo.BaseUrl}/cart?lang=ar");
        var box = Wait().Until(_ =>
        {
            var boxes = Browser.FindElements(By.CssSelector(Box));
            return boxes.Count == 1 && boxes[0].Displayed && boxes[0].FindElement(By.CssSelector(".gameball-redemption-balance")).Text.Length > 0 ? boxes[0] : null;
        })!;

        Script<string>("return document.documentElement.dir;").Should().Be("rtl");
        box.FindElement(By.CssSelector(".title")).Text.Should().Be("الدفع بالنقاط");
        box.FindElement(By.CssSelector(".gameball-redemption-balance")).Text.Should().Be("لديك 2٬000 نقطة متاحة بقيمة $200.00.");
        box.FindElement(By.CssSelector(".gameball-redemption-rules")).Text.Should().Be("استخدم من 100 إلى 550 نقطة في هذا الطلب.");
        NumbersReadLeftToRight(box).Should().BeTrue("a number inside an Arabic sentence still reads 2٬000, not 000٬2");
        var layout = Script<IReadOnlyCollection<object>>("""
            var box = arguments[0], title = box.querySelector('.title'), input = box.querySelector('.gameball-redemption-points'),
                button = box.querySelector('.gameball-redemption-apply-button');
            return [box.getBoundingClientRect().right, title.getBoundingClientRect().right, input.getBoundingClientRect().left, button.getBoundingClientRect().left];
            """, box).Select(Convert.ToDouble).ToList();
        layout[1].Should().BeApproximately(layout[0], 2.0, "the box starts on the right, as the page's other boxes");
        layout[3].Should().BeLessThan(layout[2], "the button follows the field, to its left");
        ShouldLookTheSame(LookOf(box));

        Apply(box, 300);

        var line = WaitForPointsLine();
        line.FindElement(By.CssSelector("td.cart-total-left label")).Text.Should().Be("النقاط المستبدلة:");
        OrderTotal().Should().Be("$80.00");
        box = Browser.FindElement(By.CssSelector(Box));
        Wait().Until(_ => box.FindElement(By.CssSelector(".gameball-redemption-applied")).Displayed);
        box.FindElement(By.CssSelector(".gameball-redemption-applied-text")).Text.Should().Be("خُصمت 300 نقطة ($30.00) من طلبك.");
        NumbersReadLeftToRight(box).Should().BeTrue();
        WaitForPreview(".cart-footer", "80 نقطة");
        Script<bool>("return document.documentElement.scrollWidth > document.documentElement.clientWidth;").Should().BeFalse("nothing sticks out sideways");
        ScreenshotOf(Browser.FindElement(By.CssSelector(".cart-footer")), "redemption-cart-rtl.png");
    }

    // every number the box shows (each in its own bdi) has its characters from left to right on the screen
    private bool NumbersReadLeftToRight(IWebElement box) => Script<bool>("""
        var range = document.createRange();
        return Array.prototype.every.call(arguments[0].querySelectorAll('bdi'), function (bdi) {
            var node = bdi.firstChild, last = -Infinity;
            if (!node || bdi.offsetParent === null) { return true; }
            for (var i = 0; i < node.length; i++) {
                range.setStart(node, i);
                range.setEnd(node, i + 1);
                var left = range.getBoundingClientRect().left;
                if (left <= last) { return false; }
                last = left;
            }
            return true;
        });
        """, box);

    private const string OpcConfirmStep = "#checkout-confirm-order-load";

    /// <summary>Through the one-page checkout's steps (each inserted after load) to its confirm step, which holds the order summary.</summary>
    private void ToOnePageConfirmStep()
    {
        Browser.Navigate().GoToUrl($"{Demo.BaseUrl}/onepagecheckout");
        foreach (var (button, next) in new[]
                 {
                     ("#billing-buttons-container .new-address-next-step-button", "checkout-step-payment-method"),
                     ("#payment-method-buttons-container .payment-method-next-step-button", "checkout-step-payment-info"),
                     ("#payment-info-buttons-container .payment-info-next-step-button", "checkout-step-confirm-order"),
                 })
        {
            Browser.FindElement(By.CssSelector(button)).Click();
            Wait().Until(_ => Browser.FindElement(By.Id(next)).Displayed);
        }

        // a reload would lose this (and start the checkout again at billing)
        Browser.ExecuteScript("window.gameballSamePage = true;");
    }

    /// <summary>Clicks a box button in the one-page checkout's confirm step and waits for the totals it puts in place.</summary>
    private void ClickInPlace(IWebElement box, string button, string expectedTotal)
    {
        box.FindElement(By.CssSelector(button)).Click();
        Wait().Until(_ => OrderTotal(OpcConfirmStep) == expectedTotal && box.GetAttribute("aria-busy") == "false");
        ((bool)Browser.ExecuteScript("return window.gameballSamePage === true;")!).Should().BeTrue("the page did not reload");
        Browser.FindElement(By.Id("checkout-step-confirm-order")).Displayed.Should().BeTrue("the shopper stays on the confirm step");
    }

    [Test]
    public void TheOnePageCheckoutAppliesAndRemovesPointsInItsConfirmStepWithoutStartingAgain()
    {
        ToOnePageConfirmStep();
        var box = WaitForBox(OpcConfirmStep);
        OrderTotal(OpcConfirmStep).Should().Be("$110.00");
        box.FindElement(By.CssSelector("input.gameball-redemption-points")).Clear();
        box.FindElement(By.CssSelector("input.gameball-redemption-points")).SendKeys("300");

        ClickInPlace(box, "button.gameball-redemption-apply-button", "$80.00");

        var line = WaitForPointsLine(OpcConfirmStep);
        line.FindElement(By.CssSelector("td.cart-total-left label")).Text.Should().Be("Points redeemed:");
        line.FindElement(By.CssSelector("td.cart-total-right")).Text.Should().Be("-$30.00");
        line.Text.Should().NotContain("GB-", "the card's code is not shown");
        Wait().Until(_ => box.FindElement(By.CssSelector(".gameball-redemption-applied")).Displayed);
        box.FindElement(By.CssSelector(".gameball-redemption-applied-text")).Text.Should().Be("300 points ($30.00) are taken off your order.");
        // points pay, they do not earn: the preview in the new totals is of what is left to pay
        WaitForPreview(OpcConfirmStep, "80 points");
        ShouldSitBesideTheTotals(OpcConfirmStep);
        ScreenshotOf(Browser.FindElement(By.CssSelector($"{OpcConfirmStep} .cart-footer")), "redemption-opc.png");

        ClickInPlace(box, "button.gameball-redemption-remove-button", "$110.00");
        WaitForPreview(OpcConfirmStep, "110 points");

        Browser.FindElements(By.CssSelector($"{OpcConfirmStep} tr.giftcard-summary")).Should().BeEmpty();
        box.FindElement(By.CssSelector(".gameball-redemption-applied")).Displayed.Should().BeFalse();
        Wait().Until(_ => Demo.Fake.Ledger.Releases.Count == 1);

        // applied again, and the order placed from the same step with the reduced total, the points burned once
        ClickInPlace(box, "button.gameball-redemption-apply-button", "$80.00");
        Browser.FindElement(By.CssSelector("#confirm-order-buttons-container .confirm-order-next-step-button")).Click();

        Wait().Until(_ => Browser.FindElements(By.CssSelector(".order-completed-page")).Count == 1);
        Browser.FindElement(By.CssSelector(".order-completed-page .order-total")).Text.Should().Be("Order total: $80.00");
        Wait().Until(_ => Demo.Fake.Ledger.Burns.Count == 1);
        Demo.Fake.Ledger.Burns.Single().Points.Should().Be(300);
        Demo.Fake.Ledger.AvailableOf(_mariaId).Should().Be(1700);
    }

    private void WaitForPreview(string scope, string points) =>
        Wait().Until(_ =>
        {
            var rows = Browser.FindElements(By.CssSelector($"{scope} table.cart-total tr.gameball-points-row"));
            return rows.Count == 1 && rows[0].Text.Contains(points, StringComparison.Ordinal);
        });

    [Test]
    public void TheOnePageCheckoutRefusesAHoldThatRanOut()
    {
        ToOnePageConfirmStep();
        var box = WaitForBox(OpcConfirmStep);
        box.FindElement(By.CssSelector("input.gameball-redemption-points")).Clear();
        box.FindElement(By.CssSelector("input.gameball-redemption-points")).SendKeys("300");
        ClickInPlace(box, "button.gameball-redemption-apply-button", "$80.00");

        // the hold runs out in Gameball while the shopper reads the page
        Demo.Fake.Ledger.ExpireHold(Demo.Fake.Ledger.Holds.Single().Reference);
        Browser.FindElement(By.CssSelector("#confirm-order-buttons-container .confirm-order-next-step-button")).Click();

        var alert = Wait().Until(_ =>
        {
            try
            {
                return Browser.SwitchTo().Alert();
            }
            catch (NoAlertPresentException)
            {
                return null;
            }
        })!;
        alert.Text.Should().Contain("no longer held").And.Contain("nothing was charged for them");
        alert.Accept();
        Demo.Store.Orders.Should().BeEmpty("the order is not placed with points Gameball will not burn");
        Demo.Store.ActiveGiftCardsOf(_maria).Should().BeEmpty("the points came off the cart");
        Demo.Fake.Ledger.Burns.Should().BeEmpty();
    }

    [Test]
    public void AGuestIsToldToSignIn()
    {
        var guest = Demo.Store.AddCustomer(null, registered: false);
        Demo.Store.AddToCart(guest, Demo.Store.Products[0], 1);
        Demo.Store.CurrentCustomer = guest;

        Browser.Navigate().GoToUrl($"{Demo.BaseUrl}/cart");

        var link = Wait().Until(_ =>
        {
            var links = Browser.FindElements(By.CssSelector($"{Box} .gameball-redemption-signin-link"));
            return links.Count == 1 && links[0].Displayed ? links[0] : null;
        })!;
        link.Text.Should().Be("Sign in to pay with your Gameball points.");
        link.GetAttribute("href").Should().Contain("/login?returnUrl=");
        Demo.Fake.Requests.Should().NotContain(r => r.Path.Contains("/transactions/", StringComparison.Ordinal) || r.Path.Contains("/balance", StringComparison.Ordinal)
            || r.Path.Contains("/configurations/", StringComparison.Ordinal), "nothing about points is asked of Gameball for a guest");
    }
}
