using Nop.Plugin.Misc.Gameball.Tests.Support;
using OpenQA.Selenium;
using OpenQA.Selenium.Support.UI;

namespace Nop.Plugin.Misc.Gameball.Tests.Browser;

/// <summary>
/// The plugin's cards on the demo admin's customer and order pages, which wrap them in nopCommerce's entity
/// form as nopCommerce 4.90 does: helpers to tell whether the page reloaded and what nopCommerce's form posted.
/// </summary>
public abstract class AdminCardBrowserTest : BrowserTest
{
    private const string Marker = "gameball-test-marker";

    protected WebDriverWait Wait => new(Browser, TimeSpan.FromSeconds(15));

    protected IJavaScriptExecutor Script => Browser;

    /// <summary>Opens a page and leaves a mark on its window: a reload or a form submit wipes it out.</summary>
    protected void Open(string path)
    {
        Browser.Navigate().GoToUrl(Demo.BaseUrl + path);
        Script.ExecuteScript($"window['{Marker}'] = true;");
    }

    protected bool StillOnTheSamePage => Script.ExecuteScript($"return window['{Marker}'] === true;") is true;

    /// <summary>
    /// The card's answer in its live region once the request is done ("Sending…" is not an answer), or null
    /// when the page went away first (nopCommerce's form was submitted).
    /// </summary>
    protected string? AnswerIn(string liveRegionId)
    {
        string? answer = null;
        try
        {
            Wait.Until(_ =>
            {
                if (!StillOnTheSamePage)
                    return true;
                var text = Browser.FindElement(By.Id(liveRegionId)).Text;
                if (text.Length == 0 || text == GameballLocaleResources.English["Plugins.Misc.Gameball.Admin.Sending"] || text == GameballLocaleResources.Arabic["Plugins.Misc.Gameball.Admin.Sending"])
                    return false;
                answer = text;
                return true;
            });
        }
        catch (WebDriverTimeoutException)
        {
            Assert.Fail($"The card showed no answer in #{liveRegionId} within 15 seconds (the page {(StillOnTheSamePage ? "stayed" : "reloaded")}; nopCommerce's form was posted {EntityFormPosts.Count} time(s)).");
        }

        return answer;
    }

    /// <summary>The live region is a polite status region assistive technologies announce.</summary>
    protected void ShouldBeAStatusRegion(string id) =>
        Browser.FindElement(By.Id(id)).GetAttribute("role").Should().Be("status");

    /// <summary>The card is inside the entity form, as in nopCommerce, and renders no form of its own.</summary>
    protected void CardShouldSitInsideTheEntityForm(string cardId, string cardsId)
    {
        Script.ExecuteScript($"return document.getElementById('{cardId}').closest('form') === document.getElementById('{cardsId}').closest('form');")
            .Should().Be(true, "the demo page wraps the cards in nopCommerce's entity form");
        Script.ExecuteScript($"return document.getElementById('{cardsId}').closest('form') !== null;").Should().Be(true);
        Script.ExecuteScript($"return document.querySelectorAll('#{cardId} form').length;").Should().Be(0L);
    }

    /// <summary>The names the entity form would post right now, as the browser builds its form data set.</summary>
    protected IReadOnlyList<string> NamesTheEntityFormWouldPost(string cardsId) =>
        ((IReadOnlyCollection<object>)Script.ExecuteScript($"return Array.from(new FormData(document.getElementById('{cardsId}').closest('form')).keys());")!)
            .Cast<string>().ToList();

    protected IReadOnlyList<DemoAdminPost> EntityFormPosts => Demo.AdminPosts.All;

    /// <summary>Whether the page is wider than the window: something sticks out sideways (a scroll bar the admin has to use).</summary>
    protected bool OverflowsHorizontally() =>
        Script.ExecuteScript("return document.documentElement.scrollWidth > document.documentElement.clientWidth;") is true;

    /// <summary>Names a plugin field would post: anything of the manual cashback or resend requests.</summary>
    protected static bool IsGameballField(string name) =>
        name.Contains("gameball", StringComparison.OrdinalIgnoreCase)
        || name is "Amount" or "Reason" or "AwardToken" or "CustomerId" or "orderId";
}
