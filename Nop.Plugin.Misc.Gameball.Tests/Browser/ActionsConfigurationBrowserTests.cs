using Nop.Plugin.Misc.Gameball.Services.Actions;
using OpenQA.Selenium;
using OpenQA.Selenium.Support.UI;

namespace Nop.Plugin.Misc.Gameball.Tests.Browser;

/// <summary>The configuration page's "Cashback for non-order actions" section in Chromium.</summary>
[TestFixture]
[NonParallelizable]
public class ActionsConfigurationBrowserTests : BrowserTest
{
    private void OpenConfiguration() => Browser.Navigate().GoToUrl($"{Demo.BaseUrl}/Admin/GameballAdmin/Configure");

    private string SelectedText(string id) => (string)Browser.ExecuteScript($"var s = document.getElementById('{id}'); return s.options[s.selectedIndex].text;")!;

    [Test]
    public void AnActionSetToCashbackWithAnAmountIsKept()
    {
        OpenConfiguration();
        var section = Browser.FindElement(By.Id("gameball-actions"));
        section.Text.Should().Contain("Cashback for non-order actions").And.Contain("Guests never earn");
        SelectedText("ReviewReward").Should().Be("Off", "every action is off until the store owner chooses");

        Browser.FindElement(By.CssSelector("#ReviewReward option[value='Cashback']")).Click();
        var amount = Browser.FindElement(By.Id("ReviewCashbackAmount"));
        amount.Clear();
        amount.SendKeys("7.5");
        var perDay = Browser.FindElement(By.Id("MaxReviewRewardsPerDay"));
        perDay.Clear();
        perDay.SendKeys("2");
        Browser.FindElement(By.CssSelector("button[name='save']")).Click();

        new WebDriverWait(Browser, TimeSpan.FromSeconds(15)).Until(_ => Demo.Store.Settings[0].ReviewReward == ActionRewardMode.Cashback
            && Browser.Url.EndsWith("/Admin/Gameball/Configure", StringComparison.Ordinal) && Browser.FindElements(By.Id("ReviewReward")).Count == 1);
        Demo.Store.Settings[0].ReviewCashbackAmount.Should().Be(7.5m);
        Demo.Store.Settings[0].MaxReviewRewardsPerDay.Should().Be(2);
        Demo.Store.Settings[0].ReviewRewardFromUtc.Should().BeCloseTo(DateTime.UtcNow, TimeSpan.FromMinutes(1), "reviews earn from the moment the action is switched on");

        OpenConfiguration();
        SelectedText("ReviewReward").Should().Be("Award cashback");
        decimal.Parse(Browser.FindElement(By.Id("ReviewCashbackAmount")).GetAttribute("value")!, System.Globalization.CultureInfo.InvariantCulture).Should().Be(7.5m);
        Browser.FindElement(By.Id("MaxReviewRewardsPerDay")).GetAttribute("value").Should().Be("2");
        Browser.FindElement(By.Id("ReviewEventName")).GetAttribute("value").Should().Be("review_approved");
        ScreenshotOf(Browser.FindElement(By.Id("gameball-actions")), "configure-actions.png");
    }
}
