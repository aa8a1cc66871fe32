using System.Text;
using System.Text.Json;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using Nop.Plugin.Misc.Gameball.Tests.Support;
using OpenQA.Selenium;
using OpenQA.Selenium.Support.UI;

namespace Nop.Plugin.Misc.Gameball.Tests.Browser;

/// <summary>
/// Gameball's widget on the demo store's public pages, in Chromium: rendered in body_end_html_tag_before where
/// nopCommerce's _Root.cshtml renders it, the options GbSdk.init receives (read by the demo's stand-in of
/// Gameball's loader: no internet), guest and signed-in, names that try to break out of the script, and
/// nothing when the widget is off or on admin pages.
/// </summary>
[TestFixture]
[NonParallelizable]
public class WidgetBrowserTests : BrowserTest
{
    private const string SecretKey32 = "gb_secret_0123456789abcdefghijkl";


    private void EnableWidget(Action<GameballSettings>? change = null)
    {
        Demo.Store.Settings[0].EnableWidget = true;
        change?.Invoke(Demo.Store.Settings[0]);
    }

    /// <summary>Opens the page and returns what GbSdk.init received, once the deferred loader has run.</summary>
    private JsonElement OpenAndReadInit(string path)
    {
        Browser.Navigate().GoToUrl(Demo.BaseUrl + path);
        var json = new WebDriverWait(Browser, TimeSpan.FromSeconds(15)).Until(_ =>
            Script<string?>("return window.gameballInitCalls && window.gameballInitCalls.length ? JSON.stringify(window.gameballInitCalls) : null;"))!;
        var calls = JsonDocument.Parse(json).RootElement;
        calls.GetArrayLength().Should().Be(1, "GbSdk.init is called once per page");
        return calls[0];
    }

    private Nop.Core.Domain.Customers.Customer SignIn(string firstName, string lastName)
    {
        var customer = Demo.Store.AddCustomer("layla@example.test", registered: true, phone: "+201000000001");
        customer.FirstName = firstName;
        customer.LastName = lastName;
        customer.Gender = "F";
        customer.DateOfBirth = new DateTime(1992, 12, 24);
        Demo.Store.CurrentCustomer = customer;
        return customer;
    }

    private bool RequestedGameballsOwnHost() =>
        Script<bool>("return performance.getEntriesByType('resource').some(function (e) { return e.name.indexOf('gameball.co') >= 0; });");

    [Test]
    public void AGuestGetsTheGuestViewOnEveryPublicPage()
    {
        EnableWidget();
        var product = Demo.Store.AddProduct("Leather weekender bag", 100m);

        foreach (var path in new[] { "/cart", $"/product/{product.Id}", "/checkout/confirm" })
        {
            var init = OpenAndReadInit(path);

            init.GetProperty("APIKey").GetString().Should().Be(Demo.Fake.ApiKey, path);
            init.GetProperty("lang").GetString().Should().Be("en");
            init.TryGetProperty("playerUniqueId", out _).Should().BeFalse("a guest gets the guest view");
            init.TryGetProperty("sessionToken", out _).Should().BeFalse();
            Browser.FindElements(By.Id("gameball-widget-stand-in")).Should().HaveCount(1);
            Browser.PageSource.Should().NotContain(Demo.Fake.SecretKey, "the secret key never reaches the browser");
            RequestedGameballsOwnHost().Should().BeFalse();
        }
    }

    [Test]
    public void TheWidgetIsTheLastThingOfTheBodyBeforeTheFooterScriptsAndLoadsDeferred()
    {
        EnableWidget();

        OpenAndReadInit("/cart");

        var layout = Script<string>("""
            var loader = document.querySelector('script[src$="gameball-init.stand-in.js"]');
            var init = loader.previousElementSibling;
            return [loader.defer, loader.parentNode === document.body, init.tagName, init.textContent.indexOf('window.GbLoadInit = function') >= 0,
                init.previousElementSibling.className, !!(loader.compareDocumentPosition(document.querySelector('script[src*="jquery"]')) & Node.DOCUMENT_POSITION_FOLLOWING)].join(',');
            """);
        layout.Should().Be("true,true,SCRIPT,true,master-wrapper-page,true", "as nopCommerce's _Root renders body_end_html_tag_before: after the master wrapper, before the footer scripts; the loader deferred");
    }

    [Test]
    public void ASignedInCustomerIsTheGameballCustomerInTheirLanguage()
    {
        EnableWidget();
        var customer = SignIn("Layla", "Haddad");

        // the demo store's working language for the request, as nopCommerce's language selector sets it
        var init = OpenAndReadInit("/cart?lang=ar");

        init.GetProperty("playerUniqueId").GetString().Should().Be(customer.CustomerGuid.ToString());
        init.GetProperty("lang").GetString().Should().Be("ar");
        var attributes = init.GetProperty("playerAttributes");
        attributes.GetProperty("displayName").GetString().Should().Be("Layla Haddad");
        attributes.GetProperty("email").GetString().Should().Be("layla@example.test");
        attributes.GetProperty("gender").GetString().Should().Be("F");
        attributes.GetProperty("dateOfBirth").GetString().Should().Be("1992-12-24");
        attributes.GetProperty("joinDate").GetString().Should().Be(customer.CreatedOnUtc.ToString("yyyy-MM-dd"));
    }

    [Test]
    public void HostileNamesNeitherInjectNorBreakThePageAndArriveIntact()
    {
        EnableWidget();
        const string firstName = "\"Layla\" </script><script>window.injected = 1; alert(1)</script>";
        const string lastName = "<!-- <img src=x onerror=\"window.injected = 2\"> \u2028 O'Haddad \\ \u2029 -->";
        SignIn(firstName, lastName);

        var init = OpenAndReadInit("/cart");

        init.GetProperty("playerAttributes").GetProperty("firstName").GetString().Should().Be(firstName);
        init.GetProperty("playerAttributes").GetProperty("lastName").GetString().Should().Be(lastName.Trim());
        Script<bool>("return typeof window.injected === 'undefined';").Should().BeTrue("no injected script ran");
        Browser.FindElements(By.CssSelector("img[src='x']")).Should().BeEmpty("no element was injected");
        Browser.Invoking(b => b.SwitchTo().Alert()).Should().Throw<NoAlertPresentException>();
        // the page after the widget still works: jQuery, loaded after the zone, is there
        Script<bool>("return typeof window.jQuery === 'function';").Should().BeTrue();
        // the widget's two scripts and the page's own, nothing more
        Browser.FindElements(By.CssSelector("script")).Select(s => s.GetAttribute("src") ?? string.Empty).Select(src => src.Length == 0 ? "inline" : new Uri(src).AbsolutePath)
            .Should().Equal("inline", "/js/gameball-init.stand-in.js", "/lib_npm/jquery/dist/jquery.min.js", "/js/demo.checkoutattributes.js");
    }

    [Test]
    public void OnV41TheSignedInCustomersPageCarriesASessionTokenGameballCanRead()
    {
        EnableWidget(s =>
        {
            s.ApiVersion = "v4.1";
            s.SecretKey = SecretKey32;
        });
        var customer = SignIn("Layla", "Haddad");

        var init = OpenAndReadInit("/cart");

        var key = new SymmetricSecurityKey(Encoding.UTF8.GetBytes(SecretKey32));
        var result = new JsonWebTokenHandler().ValidateTokenAsync(init.GetProperty("sessionToken").GetString(),
            new TokenValidationParameters { TokenDecryptionKey = key, IssuerSigningKey = key, ValidateIssuer = false, ValidateAudience = false }).GetAwaiter().GetResult();
        result.IsValid.Should().BeTrue(result.Exception?.ToString());
        result.Claims["customerId"].Should().Be(customer.CustomerGuid.ToString());
        Convert.ToInt64(result.Claims["exp"]).Should().BeLessThanOrEqualTo(DateTimeOffset.UtcNow.AddHours(1).ToUnixTimeSeconds());
        Browser.PageSource.Should().NotContain(SecretKey32);
    }

    [Test]
    public void OnV41WithAShortSecretKeyASignedInCustomerGetsNoWidget()
    {
        EnableWidget(s => s.ApiVersion = "v4.1");
        Demo.Fake.SecretKey.Length.Should().NotBe(32);
        SignIn("Layla", "Haddad");

        Browser.Navigate().GoToUrl(Demo.BaseUrl + "/cart");

        Browser.FindElements(By.CssSelector(".order-summary-content, .page-body")).Should().NotBeEmpty();
        Script<bool>("return typeof window.GbLoadInit === 'undefined' && !document.querySelector('script[src*=\"gameball-init\"]');").Should().BeTrue();
        Demo.Store.NopLog.Should().ContainSingle(l => l.Contains("not shown to signed-in customers"));
    }

    [Test]
    public void NothingWhenTheWidgetIsOff()
    {
        Demo.Store.Settings[0].EnableWidget.Should().BeFalse("off by default");

        Browser.Navigate().GoToUrl(Demo.BaseUrl + "/cart");

        Browser.FindElements(By.CssSelector(".page-body")).Should().NotBeEmpty();
        Script<bool>("return typeof window.GbLoadInit === 'undefined' && !document.querySelector('script[src*=\"gameball-init\"]');").Should().BeTrue();
    }

    [Test]
    public void NothingOnAdminPages()
    {
        EnableWidget();
        var customer = Demo.Store.AddCustomer("rami@example.test");

        foreach (var path in new[] { "/Admin/GameballAdmin/Configure", $"/demo-admin/customer/{customer.Id}" })
        {
            Browser.Navigate().GoToUrl(Demo.BaseUrl + path);

            Browser.FindElements(By.CssSelector("form")).Should().NotBeEmpty(path);
            Script<bool>("return typeof window.GbLoadInit === 'undefined' && !document.querySelector('script[src*=\"gameball-init\"]');").Should().BeTrue(path);
        }

        Demo.RequestCount("GET " + DemoStore.WidgetScriptStandIn).Should().Be(0);
    }
}
