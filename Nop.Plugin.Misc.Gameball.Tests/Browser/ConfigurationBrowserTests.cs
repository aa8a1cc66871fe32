using Nop.Plugin.Misc.Gameball.FakeGameball;
using OpenQA.Selenium;
using OpenQA.Selenium.Support.UI;

namespace Nop.Plugin.Misc.Gameball.Tests.Browser;

/// <summary>The configuration page in Chromium: saving keys, the write-only secret, test connection.</summary>
[TestFixture]
[NonParallelizable]
public class ConfigurationBrowserTests : BrowserTest
{
    private void OpenConfiguration() => Browser.Navigate().GoToUrl($"{Demo.BaseUrl}/Admin/GameballAdmin/Configure");

    private string TestConnection()
    {
        var result = Browser.FindElement(By.Id("gameball-test-result"));
        ((IJavaScriptExecutor)Browser).ExecuteScript("arguments[0].textContent = '';", result);
        Browser.FindElement(By.Id("gameball-test-connection")).Click();
        return new WebDriverWait(Browser, TimeSpan.FromSeconds(20)).Until(_ =>
            result.Text is { Length: > 0 } text && text != result.GetAttribute("data-running") ? text : null)!;
    }

    [Test]
    public void SavingKeysKeepsTheSecretOutOfThePage()
    {
        OpenConfiguration();
        Browser.PageSource.Should().NotContain(Demo.Fake.SecretKey);
        Browser.FindElement(By.Id("SecretKey")).GetAttribute("value").Should().BeEmpty();
        Browser.PageSource.Should().Contain("A secret key is saved.");

        var apiKey = Browser.FindElement(By.Id("ApiKey"));
        apiKey.Clear();
        apiKey.SendKeys(Demo.Fake.ApiKey);
        Browser.FindElement(By.Id("SecretKey")).SendKeys("gb_secret_typed_in_the_browser");
        Browser.FindElement(By.CssSelector("button[name='save']")).Click();

        // saved, redirected back to the page (the plugin's named route, Admin/Gameball/Configure)
        new WebDriverWait(Browser, TimeSpan.FromSeconds(15)).Until(_ => Demo.Store.Settings[0].SecretKey == "gb_secret_typed_in_the_browser"
            && Browser.Url.EndsWith("/Admin/Gameball/Configure", StringComparison.Ordinal) && Browser.FindElements(By.Id("SecretKey")).Count == 1);
        Browser.PageSource.Should().NotContain("gb_secret_typed_in_the_browser", "the secret is write-only");
        Browser.FindElement(By.Id("SecretKey")).GetAttribute("value").Should().BeEmpty();
        Screenshot("configure.png");
    }

    [Test]
    public void TheWebFarmSwitchIsSetForAllStoresAndHiddenInAStoresScope()
    {
        try
        {
            OpenConfiguration();
            Browser.FindElement(By.Id("gameball-web-farm")).Text.Should().Contain("Web farm (several servers)");
            Browser.FindElement(By.Id("WebFarm")).Click();
            Browser.FindElement(By.CssSelector("button[name='save']")).Click();
            new WebDriverWait(Browser, TimeSpan.FromSeconds(15)).Until(_ => Demo.Store.Settings[0].WebFarm && Browser.FindElements(By.Id("gameball-web-farm")).Count == 1);
            Browser.FindElement(By.Id("WebFarm")).Selected.Should().BeTrue();

            Demo.Store.ActiveStoreScope = 1;
            OpenConfiguration();
            Browser.FindElements(By.Id("gameball-web-farm")).Should().BeEmpty("a farm is the whole installation, not one store");
        }
        finally
        {
            Demo.Store.ActiveStoreScope = 0;
            Demo.Store.Settings[0].WebFarm = false;
        }
    }

    [Test]
    public void TestConnectionSaysSuccessOrExactlyWhatIsWrong()
    {
        OpenConfiguration();

        TestConnection().Should().Be("Connected: Gameball accepted both keys.");

        var apiKey = Browser.FindElement(By.Id("ApiKey"));
        apiKey.Clear();
        apiKey.SendKeys("gb_wrong_key");
        TestConnection().Should().StartWith("Gameball did not accept the API key.");

        apiKey.Clear();
        apiKey.SendKeys(Demo.Fake.ApiKey);
        Browser.FindElement(By.Id("SecretKey")).SendKeys("not-the-secret");
        TestConnection().Should().StartWith("Gameball accepted the API key but not the secret key.");

        Browser.FindElement(By.Id("SecretKey")).Clear();
        Demo.Fake.Faults.Next(new Fault(FaultKind.Hang));
        TestConnection().Should().Be("Gameball did not answer within 1 seconds. Try again, or raise the request timeout.");

        var baseUrl = Browser.FindElement(By.Id("ApiBaseUrl"));
        baseUrl.Clear();
        baseUrl.SendKeys("http://127.0.0.1:9");
        Browser.FindElement(By.Id("SecretKey")).Clear();
        TestConnection().Should().StartWith("Gameball could not be reached at 127.0.0.1.");

        Demo.Store.Settings[0].ApiKey.Should().Be(Demo.Fake.ApiKey, "testing saves nothing");
    }
}
