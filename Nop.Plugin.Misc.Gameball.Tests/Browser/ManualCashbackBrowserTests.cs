using Nop.Plugin.Misc.Gameball.FakeGameball;
using OpenQA.Selenium;
using OpenQA.Selenium.Interactions;

namespace Nop.Plugin.Misc.Gameball.Tests.Browser;

/// <summary>
/// Manual cashback from the Gameball card of the admin customer page, in Chromium. The demo page wraps the
/// card in the customer's edit form, as nopCommerce 4.90 does (Customer/Edit.cshtml): the card must work
/// there without submitting that form, and nopCommerce's own Save must work with the card on the page.
/// </summary>
[TestFixture]
[NonParallelizable]
public class ManualCashbackBrowserTests : AdminCardBrowserTest
{
    private const string Awarded25 = "Gameball awarded 25 points for a cashback of 25.";

    [Test]
    public void AnAwardFromTheCardInsideTheCustomerFormIsMadeInPlace()
    {
        var customer = Demo.Store.AddCustomer("layla@example.test");
        Open($"/demo-admin/customer/{customer.Id}");
        CardShouldSitInsideTheEntityForm("gameball-customer-card", "customer-cards");
        ShouldBeAStatusRegion("gameball-award-result");
        Wait.Until(_ => Browser.FindElement(By.Id("gameball-awards-empty")).Displayed).Should().BeTrue("a customer without awards says so");

        Browser.FindElement(By.Id("gameball-amount")).SendKeys("25");
        Browser.FindElement(By.Id("gameball-reason")).SendKeys("Goodwill: parcel arrived late");
        Browser.FindElement(By.Id("gameball-award")).Click();

        var answer = AnswerIn("gameball-award-result");
        StillOnTheSamePage.Should().BeTrue("Award cashback must not submit nopCommerce's customer form (the page reloaded)");
        answer.Should().Be(Awarded25);
        Browser.FindElement(By.Id("gameball-award-result")).GetAttribute("class").Should().Contain("text-success");
        Wait.Until(_ => Browser.FindElement(By.Id("gameball-balance")).Text.StartsWith("Balance: 25", StringComparison.Ordinal));
        Demo.Fake.Ledger.CashbackTransactions.Should().ContainSingle().Which.Amount.Should().Be(25m);
        var row = Wait.Until(_ => Browser.FindElements(By.CssSelector("#gameball-awards-table tr.gameball-award")).SingleOrDefault());
        row!.GetAttribute("data-status").Should().Be("Sent", "the new award is listed without a reload");
        row.Text.Should().Contain("Manual cashback").And.Contain("25").And.Contain("Sent").And.Contain("Goodwill: parcel arrived late");
        Browser.FindElement(By.Id("gameball-awards-empty")).Displayed.Should().BeFalse();
        StillOnTheSamePage.Should().BeTrue();
        EntityFormPosts.Should().BeEmpty("nopCommerce's customer form was not posted");
    }

    [Test]
    public void WithGameballDownTheAwardIsShownPendingInTheAnswerAndTheList()
    {
        var customer = Demo.Store.AddCustomer("rami@example.test");
        Demo.Fake.Faults.For(new Fault(FaultKind.ServiceUnavailable), TimeSpan.FromMinutes(5));
        Open($"/demo-admin/customer/{customer.Id}");

        Browser.FindElement(By.Id("gameball-amount")).SendKeys("25");
        Browser.FindElement(By.Id("gameball-reason")).SendKeys("Goodwill: outage");
        Browser.FindElement(By.Id("gameball-award")).Click();

        AnswerIn("gameball-award-result").Should().StartWith("The cashback of 25 is queued");
        var result = Browser.FindElement(By.Id("gameball-award-result")).GetAttribute("class");
        result.Should().Contain("text-warning", "a queued award is not a success yet").And.NotContain("text-success");
        var row = Wait.Until(_ => Browser.FindElements(By.CssSelector("#gameball-awards-table tr.gameball-award")).SingleOrDefault());
        row!.GetAttribute("data-status").Should().Be("Pending");
        row.FindElement(By.CssSelector(".badge")).GetAttribute("class").Should().Contain("badge-warning");
        row.Text.Should().Contain("Pending");
        Demo.Fake.Ledger.CashbackTransactions.Should().BeEmpty();
        StillOnTheSamePage.Should().BeTrue();
    }

    [Test]
    public void TheListOfAwardsShowsTextNeverMarkup()
    {
        var customer = Demo.Store.AddCustomer("eve@example.test");
        Open($"/demo-admin/customer/{customer.Id}");

        Browser.FindElement(By.Id("gameball-amount")).SendKeys("5");
        Browser.FindElement(By.Id("gameball-reason")).SendKeys("<img src=x onerror=\"document.title='owned'\"><b>bold</b>");
        Browser.FindElement(By.Id("gameball-award")).Click();

        var row = Wait.Until(_ => Browser.FindElements(By.CssSelector("#gameball-awards-table tr.gameball-award")).SingleOrDefault());
        row!.Text.Should().Contain("<img src=x").And.Contain("<b>bold</b>");
        row.FindElements(By.CssSelector("img, b")).Should().BeEmpty("a reason is shown, never run");
        Browser.Title.Should().NotBe("owned");
    }

    [Test]
    public void ADoubleClickAwardsOnceAndTheResultIsShownInPlainWords()
    {
        var customer = Demo.Store.AddCustomer("noura@example.test");
        Open($"/demo-admin/customer/{customer.Id}");
        Wait.Until(_ => Browser.FindElement(By.Id("gameball-balance")).Text.Contains("no points so far", StringComparison.Ordinal));

        Browser.FindElement(By.Id("gameball-amount")).SendKeys("25");
        Browser.FindElement(By.Id("gameball-reason")).SendKeys("Goodwill: parcel arrived late");
        var award = Browser.FindElement(By.Id("gameball-award"));
        new Actions(Browser).DoubleClick(award).Perform();

        var answer = AnswerIn("gameball-award-result");
        StillOnTheSamePage.Should().BeTrue("Award cashback must not submit nopCommerce's customer form (the page reloaded)");
        Wait.Until(_ => Browser.FindElement(By.Id("gameball-balance")).Text.StartsWith("Balance: 25", StringComparison.Ordinal));
        Wait.Until(_ => Browser.FindElements(By.CssSelector("#gameball-awards-table tr.gameball-award")).Count == 1).Should().BeTrue("the award is listed once");
        Thread.Sleep(500);
        Screenshot("manual-cashback.png");
        answer.Should().Be(Awarded25);
        Demo.Fake.Ledger.CashbackTransactions.Should().ContainSingle("a double-click is one award").Which.Amount.Should().Be(25m);

        // the same card again (a retry, or a click once the first answer is in): its award token makes it the same award
        award.Click();
        AnswerIn("gameball-award-result").Should().Be("This award was already made; nothing more was awarded. Reload the page to make another award.");
        Demo.Fake.Ledger.CashbackTransactions.Should().ContainSingle("the card's award token is the transaction id");
        Demo.Fake.Requests.Count(r => r.Path.EndsWith("/transactions/cashback", StringComparison.Ordinal)).Should().Be(1, "the double-click sent one request; the later click is answered from the award saved on the customer");
        Demo.Store.Activities.Should().ContainSingle().Which.Comment.Should().Contain("Goodwill: parcel arrived late");
        EntityFormPosts.Should().BeEmpty();
    }

    [Test]
    public void EnterInTheCardsFieldsIsTheCardsOwnActionNeverNopCommercesSave()
    {
        var customer = Demo.Store.AddCustomer("karim@example.test");
        Open($"/demo-admin/customer/{customer.Id}");

        Browser.FindElement(By.Id("gameball-amount")).SendKeys(Keys.Enter);
        AnswerIn("gameball-award-result").Should().Be("Enter an amount above zero.", "Enter in the empty amount field explains what is missing");
        StillOnTheSamePage.Should().BeTrue("Enter in the amount field must not submit nopCommerce's customer form");

        Browser.FindElement(By.Id("gameball-amount")).SendKeys("25");
        Browser.FindElement(By.Id("gameball-reason")).SendKeys("Birthday gift" + Keys.Enter);

        var answer = AnswerIn("gameball-award-result");
        StillOnTheSamePage.Should().BeTrue("Enter in the reason field must not submit nopCommerce's customer form");
        answer.Should().Be(Awarded25);
        Demo.Fake.Ledger.CashbackTransactions.Should().ContainSingle().Which.Amount.Should().Be(25m);
        EntityFormPosts.Should().BeEmpty("nopCommerce's customer form was not posted");
    }

    [Test]
    public void NopCommercesSaveStillPostsTheCustomerFormWithItsTokenAndNoGameballField()
    {
        var customer = Demo.Store.AddCustomer("salma@example.test");
        Open($"/demo-admin/customer/{customer.Id}");
        Wait.Until(_ => Browser.FindElement(By.Id("gameball-balance")).Text.Contains("no points so far", StringComparison.Ordinal));

        NamesTheEntityFormWouldPost("customer-cards").Where(IsGameballField).Should().BeEmpty("the card's fields are not part of nopCommerce's form data");
        NamesTheEntityFormWouldPost("customer-cards").Count(n => n == "__RequestVerificationToken").Should().Be(1, "a second token field in the form would break nopCommerce's antiforgery check");
        // a half-typed amount and an empty reason must not stop the admin from saving the customer
        Browser.FindElement(By.Id("gameball-amount")).SendKeys("abc");
        Browser.FindElement(By.CssSelector("#customer-cards")).FindElement(By.XPath("ancestor::form//button[@name='save']")).Click();

        Wait.Until(_ => Browser.FindElements(By.Id("demo-saved")).Count == 1).Should().BeTrue("nopCommerce's Save posted the customer form and its antiforgery token was accepted");
        var post = EntityFormPosts.Should().ContainSingle().Subject;
        post.Page.Should().Be("customer");
        post.Id.Should().Be(customer.Id);
        post.Fields.Keys.Should().Contain(["Id", "Email", "FirstName", "Active", "save", "__RequestVerificationToken"]);
        post.Fields["__RequestVerificationToken"].Should().ContainSingle();
        post.Fields.Keys.Where(IsGameballField).Should().BeEmpty("nopCommerce's Save posts nothing of the Gameball card");
        Demo.Fake.Ledger.CashbackTransactions.Should().BeEmpty();
    }

    [Test]
    public void ABadAmountIsExplainedAndNothingIsAwarded()
    {
        var customer = Demo.Store.AddCustomer("omar@example.test");
        Open($"/demo-admin/customer/{customer.Id}");

        Browser.FindElement(By.Id("gameball-amount")).SendKeys("-5");
        Browser.FindElement(By.Id("gameball-reason")).SendKeys("Test");
        Browser.FindElement(By.Id("gameball-award")).Click();

        var result = AnswerIn("gameball-award-result");
        StillOnTheSamePage.Should().BeTrue();
        result.Should().Contain("Enter an amount above zero.");
        Browser.FindElement(By.Id("gameball-award-result")).GetAttribute("class").Should().Contain("text-danger");
        Demo.Fake.Ledger.CashbackTransactions.Should().BeEmpty();
    }

    [Test]
    public void ARequestTheStoreRefusesIsExplained()
    {
        var customer = Demo.Store.AddCustomer("hana@example.test");
        Open($"/demo-admin/customer/{customer.Id}");
        // as if the admin's session (and with it the antiforgery cookie) changed since the page was rendered
        Script.ExecuteScript("document.getElementById('gameball-cashback').setAttribute('data-antiforgery-token', 'stale');");

        Browser.FindElement(By.Id("gameball-amount")).SendKeys("25");
        Browser.FindElement(By.Id("gameball-reason")).SendKeys("Test");
        Browser.FindElement(By.Id("gameball-award")).Click();

        AnswerIn("gameball-award-result").Should().Be("The store refused the request (HTTP 400). Reload the page and try again.");
        Browser.FindElement(By.Id("gameball-award")).Enabled.Should().BeTrue("the button is usable again once the answer is in");
        Demo.Fake.Ledger.CashbackTransactions.Should().BeEmpty();
    }
}
