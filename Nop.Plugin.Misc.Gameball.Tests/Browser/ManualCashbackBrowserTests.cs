using OpenQA.Selenium;
using OpenQA.Selenium.Support.UI;

namespace Nop.Plugin.Misc.Gameball.Tests.Browser;

/// <summary>Manual cashback from the admin customer page's Gameball card, in Chromium.</summary>
[TestFixture]
[NonParallelizable]
public class ManualCashbackBrowserTests : BrowserTest
{
    [Test]
    public void ADoubleClickAwardsOnceAndTheResultIsShownInPlainWords()
    {
        var customer = Demo.Store.AddCustomer("noura@example.test");
        Browser.Navigate().GoToUrl($"{Demo.BaseUrl}/demo-admin/customer/{customer.Id}");
        var wait = new WebDriverWait(Browser, TimeSpan.FromSeconds(15));
        wait.Until(_ => Browser.FindElement(By.Id("gameball-balance")).Text.Contains("no points so far", StringComparison.Ordinal));

        Browser.FindElement(By.Id("gameball-amount")).SendKeys("25");
        Browser.FindElement(By.Id("gameball-reason")).SendKeys("Goodwill: parcel arrived late");
        var award = Browser.FindElement(By.Id("gameball-award"));
        ((IJavaScriptExecutor)Browser).ExecuteScript("arguments[0].click(); arguments[0].click();", award);

        wait.Until(_ => Browser.FindElement(By.Id("gameball-award-result")).Text.Length > 0);
        wait.Until(_ => Browser.FindElement(By.Id("gameball-balance")).Text.StartsWith("Balance: 25", StringComparison.Ordinal));
        Thread.Sleep(500);
        Screenshot("manual-cashback.png");

        Demo.Fake.Ledger.CashbackTransactions.Should().ContainSingle("a double-click is one award").Which.Amount.Should().Be(25m);
        Demo.Fake.Requests.Count(r => r.Path.EndsWith("/transactions/cashback", StringComparison.Ordinal)).Should().Be(2, "both clicks reached Gameball with the same transaction id");
        Browser.FindElement(By.Id("gameball-award-result")).Text.Should().BeOneOf(
            "Gameball awarded 25 points for a cashback of 25.",
            "This award was already made; nothing more was awarded. Reload the page to make another award.");
        Demo.Store.Activities.Should().ContainSingle().Which.Comment.Should().Contain("Goodwill: parcel arrived late");
    }

    [Test]
    public void ABadAmountIsExplainedAndNothingIsAwarded()
    {
        var customer = Demo.Store.AddCustomer("omar@example.test");
        Browser.Navigate().GoToUrl($"{Demo.BaseUrl}/demo-admin/customer/{customer.Id}");

        ((IJavaScriptExecutor)Browser).ExecuteScript("document.getElementById('gameball-amount').removeAttribute('min');");
        Browser.FindElement(By.Id("gameball-amount")).SendKeys("-5");
        Browser.FindElement(By.Id("gameball-reason")).SendKeys("Test");
        Browser.FindElement(By.Id("gameball-award")).Click();

        var result = new WebDriverWait(Browser, TimeSpan.FromSeconds(15)).Until(_ => Browser.FindElement(By.Id("gameball-award-result")).Text is { Length: > 0 } text ? text : null);
        result.Should().Contain("Enter an amount above zero.");
        Demo.Fake.Ledger.CashbackTransactions.Should().BeEmpty();
    }
}
