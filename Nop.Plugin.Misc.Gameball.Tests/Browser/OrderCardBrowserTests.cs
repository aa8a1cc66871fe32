using Microsoft.Extensions.DependencyInjection;
using Nop.Core.Domain.Orders;
using Nop.Plugin.Misc.Gameball.FakeGameball;
using Nop.Plugin.Misc.Gameball.Services.Orders;
using OpenQA.Selenium;

namespace Nop.Plugin.Misc.Gameball.Tests.Browser;

/// <summary>
/// The Gameball card of the admin order page, in Chromium. The demo page wraps the card in
/// &lt;form id="order-form"&gt;, as nopCommerce 4.90 does (Order/Edit.cshtml): Resend must work there and answer in
/// place, and the order form's own buttons must post without anything of the card.
/// </summary>
[TestFixture]
[NonParallelizable]
public class OrderCardBrowserTests : AdminCardBrowserTest
{
    private async Task<Order> FailedOrderAsync(string email)
    {
        var order = Demo.Store.AddPaidOrder(Demo.Store.AddCustomer(email), (Demo.Store.AddProduct("Cap", 20m), 1));
        Demo.Store.Settings[0].MaxSyncAttempts = 1;
        Demo.Fake.Faults.Next(new Fault(FaultKind.ServerError));
        await using var scope = Demo.Services.CreateAsyncScope();
        (await scope.ServiceProvider.GetRequiredService<OrderSyncProcessor>().ProcessAsync(order.Id, false, CancellationToken.None)).Status.Should().Be(SyncStatus.Failed);
        return order;
    }

    [Test]
    public async Task ResendOnTheCardInsideTheOrderFormSendsTheOrderAndAnswersInPlace()
    {
        var order = await FailedOrderAsync("rami@example.test");
        Demo.Fake.Ledger.Orders.Should().BeEmpty();
        Open($"/demo-admin/order/{order.Id}");
        CardShouldSitInsideTheEntityForm("gameball-order-card", "order-cards");
        Browser.FindElement(By.CssSelector("#gameball-order-card .gameball-status")).Text.Should().Be("Failed");
        ShouldBeAStatusRegion("gameball-resend-result");

        Browser.FindElement(By.Id("gameball-resend")).Click();

        var answer = AnswerIn("gameball-resend-result");
        StillOnTheSamePage.Should().BeTrue("Resend must not submit nopCommerce's order form (the page reloaded)");
        answer.Should().Be("Sent");
        Browser.FindElement(By.CssSelector("#gameball-order-card .gameball-status")).Text.Should().Be("Sent", "the card's state line follows the resend");
        Browser.FindElements(By.CssSelector("#gameball-order-card .gameball-last-error")).Should().BeEmpty("a sent order has no error to show");
        Screenshot("order-card.png");
        Browser.FindElement(By.Id("gameball-resend-result")).GetAttribute("class").Should().Contain("text-success");
        Browser.FindElement(By.Id("gameball-resend")).Enabled.Should().BeTrue();
        Demo.Fake.Ledger.Orders.Should().ContainSingle(o => o.OrderId == order.OrderGuid.ToString());
        EntityFormPosts.Should().BeEmpty("nopCommerce's order form was not posted");
    }

    [Test]
    public async Task TheOrderFormsOwnButtonsStillPostWithItsTokenAndNoGameballField()
    {
        var order = await FailedOrderAsync("lina@example.test");
        Open($"/demo-admin/order/{order.Id}");
        NamesTheEntityFormWouldPost("order-cards").Where(IsGameballField).Should().BeEmpty();
        NamesTheEntityFormWouldPost("order-cards").Count(n => n == "__RequestVerificationToken").Should().Be(1, "a second token field in the form would break nopCommerce's antiforgery check");

        Browser.FindElement(By.Id("btnSaveOrderStatus")).Click();

        Wait.Until(_ => Browser.FindElements(By.Id("demo-saved")).Count == 1).Should().BeTrue("the order form posted and its antiforgery token was accepted");
        var post = EntityFormPosts.Should().ContainSingle().Subject;
        post.Page.Should().Be("order");
        post.Fields.Keys.Should().Contain(["OrderStatusId", "btnSaveOrderStatus", "__RequestVerificationToken"]);
        post.Fields["__RequestVerificationToken"].Should().ContainSingle();
        post.Fields.Keys.Where(IsGameballField).Should().BeEmpty("the order form posts nothing of the Gameball card");
        Demo.Fake.Ledger.Orders.Should().BeEmpty("saving the order status resends nothing");
    }

    [Test]
    public async Task AResendTheStoreRefusesIsExplained()
    {
        var order = await FailedOrderAsync("tarek@example.test");
        Open($"/demo-admin/order/{order.Id}");
        // as if the admin's session (and with it the antiforgery cookie) changed since the page was rendered
        Script.ExecuteScript("document.getElementById('gameball-resend').setAttribute('data-antiforgery-token', 'stale');");

        Browser.FindElement(By.Id("gameball-resend")).Click();

        AnswerIn("gameball-resend-result").Should().Be("The store refused the request (HTTP 400). Reload the page and try again.");
        Browser.FindElement(By.Id("gameball-resend-result")).GetAttribute("class").Should().Contain("text-danger");
        Demo.Fake.Ledger.Orders.Should().BeEmpty("the antiforgery check stopped the resend");
    }
}
