using OpenQA.Selenium;

namespace Nop.Plugin.Misc.Gameball.Tests.Browser;

/// <summary>
/// The plugin's admin pages for an admin whose language is Arabic (ar-EG, right to left), in Chromium: as
/// nopCommerce does, the demo admin renders &lt;html dir="rtl"&gt; from the language's Rtl flag and the plugin's
/// Arabic resources. What the admin sees: Arabic words, labels at the start (right) of their fields, tables
/// whose first column is on the right, Latin values (e-mails, amounts with currency, Gameball's errors) in their
/// own order, and nothing sticking out sideways.
/// </summary>
[TestFixture]
[NonParallelizable]
public class ArabicAdminBrowserTests : AdminCardBrowserTest
{
    private static string Ar(string key) => GameballLocaleResources.Arabic["Plugins.Misc.Gameball." + key];

    private double Number(string script, params object[] args) => Convert.ToDouble(Script.ExecuteScript(script, args));

    private void PageShouldBeArabicRightToLeft()
    {
        Script.ExecuteScript("return document.documentElement.dir;").Should().Be("rtl");
        Script.ExecuteScript("return document.documentElement.lang;").Should().Be("ar");
    }



    [Test]
    public void TheConfigurationPageIsArabicWithLabelsRightOfTheirFields()
    {
        Open("/Admin/GameballAdmin/Configure?lang=ar");

        PageShouldBeArabicRightToLeft();
        var label = Browser.FindElement(By.CssSelector("label[for='ApiKey']"));
        label.Text.Should().Contain(Ar("Fields.ApiKey"));
        Browser.FindElement(By.Id("gameball-test-connection")).Text.Should().Be(Ar("TestConnection"));
        // each label sits right of its field, as the start of a right-to-left row
        var misplaced = Script.ExecuteScript("""
            return Array.from(document.querySelectorAll('.form-group')).filter(function (g) {
              var label = g.querySelector('label'), field = g.querySelector('input:not([type=hidden]):not([type=checkbox]), select');
              return label && field && label.getBoundingClientRect().left < field.getBoundingClientRect().right;
            }).map(function (g) { return g.querySelector('label').textContent.trim(); });
            """) as IReadOnlyCollection<object>;
        misplaced.Should().BeEmpty();
        Number("var l = document.querySelector(\"label[for='ApiKey']\"); return l.closest('div').getBoundingClientRect().right - l.getBoundingClientRect().right;")
            .Should().BeLessThan(20, "the label is start-aligned: against the right edge of its column");
        OverflowsHorizontally().Should().BeFalse();
        Screenshot("configure-rtl.png");
    }

    [Test]
    public void AnAwardFromTheCustomerCardAnswersInArabicAndListsItRightToLeft()
    {
        var customer = Demo.Store.AddCustomer("layla@example.test");
        Open($"/demo-admin/customer/{customer.Id}?lang=ar");
        PageShouldBeArabicRightToLeft();
        Wait.Until(_ => Browser.FindElement(By.Id("gameball-awards-empty")).Displayed).Should().BeTrue();
        Browser.FindElement(By.Id("gameball-awards-empty")).Text.Should().Be(Ar("CustomerCard.NoAwards"));

        Browser.FindElement(By.Id("gameball-amount")).SendKeys("25");
        Browser.FindElement(By.Id("gameball-reason")).SendKeys("Late parcel, sorry!");
        Browser.FindElement(By.Id("gameball-award")).Click();

        AnswerIn("gameball-award-result").Should().Be("منحت Gameball 25 نقطة مقابل استرداد نقدي بقيمة 25.");
        var row = Wait.Until(_ => Browser.FindElements(By.CssSelector("#gameball-awards-table tr.gameball-award")).SingleOrDefault())!;
        row.Text.Should().Contain(Ar("SyncLog.Kind.ManualCashback")).And.Contain(Ar("SyncLog.Status.Sent"));
        Browser.FindElements(By.CssSelector("#gameball-awards-table th")).Select(h => h.Text).First().Should().Be(Ar("CustomerCard.Award.When"));
        // the first column (when) is the rightmost one; the English reason keeps its own order, the bracket at its end
        var cells = row.FindElements(By.TagName("td"));
        cells[0].Location.X.Should().BeGreaterThan(cells[5].Location.X);
        var reason = cells[5].FindElement(By.TagName("bdi"));
        reason.Text.Should().Be("Late parcel, sorry!");
        Number("""
            var bdi = arguments[0], text = bdi.firstChild, first = document.createRange(), last = document.createRange();
            first.setStart(text, 0); first.setEnd(text, 1);
            last.setStart(text, text.length - 1); last.setEnd(text, text.length);
            return last.getBoundingClientRect().left - first.getBoundingClientRect().left;
            """, reason).Should().BePositive("\"L\" comes first on the left and \"!\" last on the right, as English reads");
        OverflowsHorizontally().Should().BeFalse();
        ScreenshotOf(Browser.FindElement(By.Id("gameball-customer-card")), "customer-card-rtl.png");
        EntityFormPosts.Should().BeEmpty();
    }

    [Test]
    public async Task TheOrderCardShowsItsStateInArabicAndGameballsErrorLeftToRight()
    {
        var order = await OrderThatEndsAsync(SyncStatus.Failed, "rami@example.test");
        Open($"/demo-admin/order/{order.Id}?lang=ar");

        PageShouldBeArabicRightToLeft();
        Browser.FindElement(By.CssSelector("#gameball-order-card .gameball-status")).Text.Should().Be(Ar("SyncLog.Status.Failed"));
        var error = Browser.FindElement(By.CssSelector("#gameball-order-card .gameball-last-error"));
        error.Text.Should().NotBeNullOrWhiteSpace();
        error.GetCssValue("direction").Should().Be("ltr", "Gameball's English error reads left to right inside the Arabic card");
        var status = Browser.FindElement(By.CssSelector("#gameball-order-card .gameball-status"));
        var statusLabel = Browser.FindElement(By.CssSelector("#gameball-order-card .card-body strong"));
        statusLabel.Text.Should().Be(Ar("SyncLog.Status"));
        statusLabel.Location.X.Should().BeGreaterThan(status.Location.X, "the label comes first, on the right of its value");
        Browser.FindElement(By.Id("gameball-resend")).Text.Should().Be(Ar("OrderCard.Resend"));
        OverflowsHorizontally().Should().BeFalse();

        Browser.FindElement(By.Id("gameball-resend")).Click();

        AnswerIn("gameball-resend-result").Should().Be(Ar("SyncLog.Status.Sent"));
        Browser.FindElement(By.CssSelector("#gameball-order-card .gameball-status")).Text.Should().Be(Ar("SyncLog.Status.Sent"));
        ScreenshotOf(Browser.FindElement(By.Id("gameball-order-card")), "order-card-rtl.png");
    }

    [Test]
    public async Task TheSyncLogIsArabicWithItsFirstColumnOnTheRightAndLatinValuesIsolated()
    {
        if (!Directory.Exists(Path.Combine(TestPaths.AdminScriptLibraries, "datatables.net")))
            Assert.Ignore($"jQuery, DataTables and moment are not installed for the demo store (npm ci --prefix {TestPaths.DemoAssets}).");
        var order = await OrderThatEndsAsync(SyncStatus.Sent, "ana@example.test");
        var customer = await FailedAwardAsync("lina@example.test");
        Browser.Manage().Window.Size = new System.Drawing.Size(1440, 700);

        Open("/Admin/GameballAdmin/SyncLog?lang=ar");

        PageShouldBeArabicRightToLeft();
        var awardRow = Wait.Until(_ => Browser.FindElements(By.XPath($"//table[@id='gameball-sync-log-grid']//a[contains(@href, '/Customer/Edit/{customer.Id}')]/ancestor::tr")).SingleOrDefault())!;
        Wait.Until(_ => Browser.FindElements(By.XPath($"//table[@id='gameball-sync-log-grid']//a[contains(@href, '/Order/Edit/{order.Id}')]")).Count == 1);
        Browser.FindElement(By.CssSelector(".content-header h1")).Text.Should().Be(Ar("SyncLog.Title"));
        awardRow.FindElement(By.CssSelector(".gameball-status")).Text.Should().Be(Ar("SyncLog.Status.Failed"));
        awardRow.FindElement(By.CssSelector(".gameball-retry")).Text.Should().Be(Ar("SyncLog.RetryNow"));
        var cells = awardRow.FindElements(By.TagName("td"));
        cells[0].Text.Should().Be(Ar("SyncLog.Kind.ManualCashback"));
        cells[0].Location.X.Should().BeGreaterThan(cells[1].Location.X, "the kind, the first column, is the rightmost");
        // the e-mail is isolated: "lina@example.test" in its own left-to-right order inside the right-to-left row
        var email = awardRow.FindElement(By.CssSelector("a bdi"));
        email.Text.Should().Be("lina@example.test");
        email.GetCssValue("direction").Should().Be("ltr");
        // the title starts the header on the right, its buttons at the other end (nopCommerce's RTL admin styles flip float-left/right)
        var title = Browser.FindElement(By.CssSelector(".content-header h1"));
        var back = Browser.FindElement(By.CssSelector(".content-header a.btn"));
        title.Location.X.Should().BeGreaterThan(back.Location.X);
        OverflowsHorizontally().Should().BeFalse();
        Screenshot("sync-log-rtl.png");

        awardRow.FindElement(By.CssSelector(".gameball-retry")).Click();

        Wait.Until(_ => Browser.FindElement(By.Id("gameball-sync-message")).Text == Ar("SyncLog.Status.Sent")).Should().BeTrue();
    }
}
