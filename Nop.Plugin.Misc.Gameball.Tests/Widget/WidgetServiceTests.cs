using System.Security.Claims;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewComponents;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using Nop.Core;
using Nop.Core.Domain.Customers;
using Nop.Core.Domain.Localization;
using Nop.Core.Domain.Logging;
using Nop.Core.Domain.Stores;
using Nop.Plugin.Misc.Gameball.Components;
using Nop.Plugin.Misc.Gameball.Models;
using Nop.Plugin.Misc.Gameball.Services.Widget;
using Nop.Services.Customers;
using Nop.Services.Logging;

namespace Nop.Plugin.Misc.Gameball.Tests.Widget;

/// <summary>
/// What GbSdk.init receives on a page: the guest view, a signed-in customer with the profile, the language,
/// and on v4.1 a session token that ends with nopCommerce's sign-in; nothing when the widget is off or a token
/// cannot be made for a signed-in customer.
/// </summary>
[TestFixture]
public class WidgetServiceTests
{
    private const string SecretKey32 = "gb_secret_0123456789abcdefghijkl";

    private GameballSettings _settings = null!;
    private Customer _customer = null!;
    private bool _registered;
    private Language _language = null!;
    private DateTimeOffset? _signInExpires;
    private Mock<ILogger> _logger = null!;
    private WidgetTokenFailureLog _failureLog = null!;
    private SessionTokenCache _tokenCache = null!;
    private DateTimeOffset _signInIssued;
    private List<string> _log = null!;

    [SetUp]
    public void SetUp()
    {
        _settings = GameballPlugin.CreateDefaultSettings();
        _settings.ApiKey = "gb_test_public_key";
        _settings.SecretKey = SecretKey32;
        _settings.EnableWidget = true;
        _customer = new Customer
        {
            Id = 7,
            CustomerGuid = Guid.Parse("0b5b8c1e-36a4-4c3b-9a1e-6d1f0f6a0c01"),
            Email = "ann@example.test",
            FirstName = "Ann",
            LastName = "Lee",
            Gender = "F",
            Phone = "+201000000000",
            DateOfBirth = new DateTime(1990, 4, 5),
            CreatedOnUtc = new DateTime(2024, 1, 31, 23, 30, 0, DateTimeKind.Utc),
            Active = true,
        };
        _registered = true;
        _language = new Language { Id = 1, LanguageCulture = "en-US", UniqueSeoCode = "en" };
        _signInExpires = DateTimeOffset.UtcNow.AddDays(14);
        _log = [];
        _logger = new Mock<ILogger>();
        _logger.Setup(l => l.InsertLogAsync(It.IsAny<LogLevel>(), It.IsAny<string>(), It.IsAny<string>(), null))
            .Callback((LogLevel level, string message, string full, Customer _) => _log.Add($"{level}: {message} {full}")).Returns(Task.CompletedTask);
        _failureLog = new WidgetTokenFailureLog();
        _tokenCache = new SessionTokenCache();
        _signInIssued = DateTimeOffset.UtcNow.AddMinutes(-5);
    }

    private GameballWidgetService Service()
    {
        var workContext = new Mock<IWorkContext>();
        workContext.Setup(w => w.GetCurrentCustomerAsync()).ReturnsAsync(_customer);
        workContext.Setup(w => w.GetWorkingLanguageAsync()).ReturnsAsync(_language);
        var storeContext = new Mock<IStoreContext>();
        storeContext.Setup(s => s.GetCurrentStoreAsync()).ReturnsAsync(new Store { Id = 3 });
        var customers = new Mock<ICustomerService>();
        customers.Setup(c => c.IsRegisteredAsync(It.IsAny<Customer>(), true)).ReturnsAsync(() => _registered);

        // nopCommerce's cookie handler answers AuthenticateAsync("Authentication") with the sign-in's ticket
        var authentication = new Mock<IAuthenticationService>();
        authentication.Setup(a => a.AuthenticateAsync(It.IsAny<HttpContext>(), "Authentication")).ReturnsAsync(() => _signInExpires is null
            ? AuthenticateResult.NoResult()
            : AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(new ClaimsIdentity("Authentication")),
                new AuthenticationProperties { IssuedUtc = _signInIssued, ExpiresUtc = _signInExpires }, "Authentication")));
        var schemes = new Mock<IAuthenticationSchemeProvider>();
        schemes.Setup(s => s.GetSchemeAsync("Authentication")).ReturnsAsync(new AuthenticationScheme("Authentication", null, typeof(CookieHandlerStandIn)));
        var httpContext = new DefaultHttpContext { RequestServices = new ServiceCollection().AddSingleton(authentication.Object).AddSingleton(schemes.Object).BuildServiceProvider() };

        return new GameballWidgetService(_settings, workContext.Object, storeContext.Object, customers.Object, new HttpContextAccessor { HttpContext = httpContext },
            _logger.Object, TimeProvider.System, _failureLog, _tokenCache, GameballWidgetScript.Gameball);
    }

    private async Task<JsonElement> ConfigAsync()
    {
        var model = await Service().PrepareAsync();
        model.Should().NotBeNull();
        model!.ScriptUrl.Should().Be("https://assets.gameball.co/widget/js/gameball-init.min.js");
        return JsonDocument.Parse(model.ConfigJson).RootElement;
    }

    private static TokenValidationParameters TokenParameters(string key) => new()
    {
        TokenDecryptionKey = new SymmetricSecurityKey(Encoding.UTF8.GetBytes(key)),
        IssuerSigningKey = new SymmetricSecurityKey(Encoding.UTF8.GetBytes(key)),
        ValidateIssuer = false,
        ValidateAudience = false,
        ClockSkew = TimeSpan.Zero,
    };

    private static async Task<IDictionary<string, object>> TokenClaimsAsync(JsonElement config)
    {
        var result = await new JsonWebTokenHandler().ValidateTokenAsync(config.GetProperty("sessionToken").GetString(), TokenParameters(SecretKey32));
        result.IsValid.Should().BeTrue(result.Exception?.ToString());
        return result.Claims;
    }

    [Test]
    public async Task NothingWhileTheWidgetIsOffOrHasNoApiKey()
    {
        _settings.EnableWidget = false;
        (await Service().PrepareAsync()).Should().BeNull();

        _settings.EnableWidget = true;
        _settings.ApiKey = " ";
        (await Service().PrepareAsync()).Should().BeNull();
    }

    [Test]
    public async Task AGuestGetsTheGuestViewWithThePublicKeyOnly()
    {
        _registered = false;

        var config = await ConfigAsync();

        config.EnumerateObject().Select(p => p.Name).Should().BeEquivalentTo(["APIKey", "lang"]);
        config.GetProperty("APIKey").GetString().Should().Be("gb_test_public_key");
        config.GetRawText().Should().NotContain(SecretKey32);
    }

    [Test]
    public async Task ASignedInCustomerIsTheGameballCustomerWithTheProfile()
    {
        var config = await ConfigAsync();

        config.GetProperty("playerUniqueId").GetString().Should().Be("0b5b8c1e-36a4-4c3b-9a1e-6d1f0f6a0c01", "the customerId orders are tracked under");
        var attributes = config.GetProperty("playerAttributes");
        attributes.GetProperty("displayName").GetString().Should().Be("Ann Lee");
        attributes.GetProperty("firstName").GetString().Should().Be("Ann");
        attributes.GetProperty("lastName").GetString().Should().Be("Lee");
        attributes.GetProperty("email").GetString().Should().Be("ann@example.test");
        attributes.GetProperty("gender").GetString().Should().Be("F");
        attributes.GetProperty("dateOfBirth").GetString().Should().Be("1990-04-05");
        attributes.GetProperty("joinDate").GetString().Should().Be("2024-01-31");
        config.TryGetProperty("sessionToken", out _).Should().BeFalse("v4.0 needs no session token");
        config.GetRawText().Should().NotContain(SecretKey32);
    }

    [Test]
    public async Task EmptyProfileFieldsAreLeftOutNotSentEmpty()
    {
        _customer.FirstName = null!;
        _customer.LastName = " ";
        _customer.Gender = null!;
        _customer.DateOfBirth = null;

        var attributes = (await ConfigAsync()).GetProperty("playerAttributes");

        attributes.EnumerateObject().Select(p => p.Name).Should().BeEquivalentTo(["email", "joinDate"]);
    }

    [TestCase("en-US", "en", "en")]
    [TestCase("ar-EG", "ar", "ar")]
    [TestCase("pt-BR", "pt", "pt")]
    [TestCase("zh-TW", "zh", "zh-tw")]
    [TestCase("zh-Hant-HK", "zh", "zh-tw")]
    [TestCase("zh-CN", "zh", null)]
    [TestCase("da-DK", "da", "dk")]
    [TestCase("nb-NO", "nb", "no")]
    [TestCase("ja-JP", "ja", "ja")]
    [TestCase("ru-RU", "ru", null)]
    [TestCase("", "fr", "fr")]
    public async Task TheLanguageIsGameballsCodeOrLeftToTheAccountDefault(string culture, string seoCode, string? expected)
    {
        _language = new Language { LanguageCulture = culture, UniqueSeoCode = seoCode };

        var config = await ConfigAsync();

        if (expected is null)
            config.TryGetProperty("lang", out _).Should().BeFalse("a language Gameball does not offer shows the account's default");
        else
            config.GetProperty("lang").GetString().Should().Be(expected);
    }

    [Test]
    public async Task HostileValuesCannotEndTheScriptAndArriveIntact()
    {
        _customer.FirstName = "\"Ann\" </script><script>alert(1)</script>";
        _customer.LastName = "<!-- O'Lee \u2028\u2029 \\ ";
        _customer.Email = "a+</SCRIPT>@example.test";

        var model = await Service().PrepareAsync();

        model!.ConfigJson.Should().NotContainAny("<", ">", "\u2028", "\u2029", "'");
        var attributes = JsonDocument.Parse(model.ConfigJson).RootElement.GetProperty("playerAttributes");
        attributes.GetProperty("firstName").GetString().Should().Be("\"Ann\" </script><script>alert(1)</script>");
        attributes.GetProperty("lastName").GetString().Should().Be("<!-- O'Lee \u2028\u2029 \\");
        attributes.GetProperty("email").GetString().Should().Be("a+</SCRIPT>@example.test");
    }

    [Test]
    public async Task OnV41TheSignedInCustomerGetsATokenForTheSameCustomerEndingWithinTheHour()
    {
        _settings.ApiVersion = "v4.1";
        var before = DateTimeOffset.UtcNow;

        var config = await ConfigAsync();

        var claims = await TokenClaimsAsync(config);
        claims["customerId"].Should().Be(config.GetProperty("playerUniqueId").GetString());
        claims["customerEmail"].Should().Be("ann@example.test");
        claims["customerMobile"].Should().Be("+201000000000");
        var exp = Convert.ToInt64(claims["exp"]);
        exp.Should().BeInRange(before.AddHours(1).ToUnixTimeSeconds(), DateTimeOffset.UtcNow.AddHours(1).ToUnixTimeSeconds(), "the sign-in lasts 14 days; the token at most an hour");
        config.GetRawText().Should().NotContain(SecretKey32);
    }

    [Test]
    public async Task OnV41TheTokenEndsWhenTheSignInEndsIfThatIsSooner()
    {
        _settings.ApiVersion = "v4.1";
        _signInExpires = DateTimeOffset.UtcNow.AddMinutes(10);

        var claims = await TokenClaimsAsync(await ConfigAsync());

        Convert.ToInt64(claims["exp"]).Should().Be(_signInExpires.Value.ToUnixTimeSeconds());
    }

    [Test]
    public async Task OnV41ATokenIsReusedWithinTheSameSignInAndCustomerOnly()
    {
        _settings.ApiVersion = "v4.1";
        static string Token(JsonElement config) => config.GetProperty("sessionToken").GetString()!;

        var first = Token(await ConfigAsync());
        Token(await ConfigAsync()).Should().Be(first, "the next page view of the same sign-in reuses it");

        _signInIssued = _signInIssued.AddMinutes(1);
        var newSignIn = Token(await ConfigAsync());
        newSignIn.Should().NotBe(first, "a new sign-in gets a new token");

        _customer.Email = "ann.lee@example.test";
        var changed = Token(await ConfigAsync());
        changed.Should().NotBe(newSignIn);
        (await TokenClaimsAsync(await ConfigAsync()))["customerEmail"].Should().Be("ann.lee@example.test");

        _customer.CustomerGuid = Guid.NewGuid();
        (await TokenClaimsAsync(await ConfigAsync()))["customerId"].Should().Be(_customer.CustomerGuid.ToString(), "never another customer's token");
    }

    [Test]
    public async Task OnV41ATokenCloseToTheEndOfTheSignInIsNotReused()
    {
        _settings.ApiVersion = "v4.1";
        _signInExpires = DateTimeOffset.UtcNow.AddMinutes(8);

        var first = (await ConfigAsync()).GetProperty("sessionToken").GetString();

        (await ConfigAsync()).GetProperty("sessionToken").GetString().Should().NotBe(first, "a reused token would have less than 10 minutes left");
    }

    [Test]
    public async Task OnV41AnEndedSignInGetsNoWidget()
    {
        _settings.ApiVersion = "v4.1";
        _signInExpires = DateTimeOffset.UtcNow.AddSeconds(-1);

        (await Service().PrepareAsync()).Should().BeNull();
    }

    [Test]
    public async Task OnV41AGuestGetsTheGuestViewWithoutAToken()
    {
        _settings.ApiVersion = "v4.1";
        _registered = false;

        var config = await ConfigAsync();

        config.TryGetProperty("sessionToken", out _).Should().BeFalse();
        config.TryGetProperty("playerUniqueId", out _).Should().BeFalse();
    }

    [Test]
    public async Task OnV41AKeyThatIsNot32BytesHidesTheWidgetFromSignedInCustomersAndIsLoggedOnceWithoutTheKey()
    {
        _settings.ApiVersion = "v4.1";
        _settings.SecretKey = "gb_secret_22_chars_xyz";

        (await Service().PrepareAsync()).Should().BeNull("Gameball: if the token cannot be issued, do not initialise the widget");
        (await Service().PrepareAsync()).Should().BeNull();

        _log.Should().ContainSingle().Which.Should().Contain("store 3").And.Contain("32 bytes").And.Contain("has 22").And.NotContain("gb_secret_22_chars_xyz");
        _registered = false;
        (await Service().PrepareAsync()).Should().NotBeNull("guests need no token");
    }

    [Test]
    public async Task TheComponentRendersTheWidgetInTheBodyEndZoneOfPublicPagesOnly()
    {
        var component = new GameballWidgetViewComponent(Service());

        var result = await Invoke(component, "body_end_html_tag_before", area: null);
        var view = result.Should().BeOfType<ViewViewComponentResult>().Subject;
        view.ViewName.Should().Be("~/Plugins/Misc.Gameball/Views/Widget.cshtml");
        view.ViewData!.Model.Should().BeOfType<GameballWidgetModel>();

        (await Invoke(new GameballWidgetViewComponent(Service()), "body_end_html_tag_before", area: "Admin"))
            .Should().BeOfType<ContentViewComponentResult>().Which.Content.Should().BeEmpty("nothing on admin pages");
        (await Invoke(new GameballWidgetViewComponent(Service()), "order_summary_totals", area: null))
            .Should().BeOfType<ContentViewComponentResult>().Which.Content.Should().BeEmpty();
        _settings.EnableWidget = false;
        (await Invoke(new GameballWidgetViewComponent(Service()), "body_end_html_tag_before", area: null))
            .Should().BeOfType<ContentViewComponentResult>().Which.Content.Should().BeEmpty();
    }

    private static Task<Microsoft.AspNetCore.Mvc.IViewComponentResult> Invoke(GameballWidgetViewComponent component, string zone, string? area)
    {
        var routeValues = new RouteValueDictionary();
        if (area is not null)
            routeValues["area"] = area;
        component.ViewComponentContext = new ViewComponentContext { ViewContext = new ViewContext { RouteData = new RouteData(routeValues) } };
        return component.InvokeAsync(zone, null);
    }

    private sealed class CookieHandlerStandIn : IAuthenticationHandler
    {
        public Task<AuthenticateResult> AuthenticateAsync() => throw new NotSupportedException();
        public Task ChallengeAsync(AuthenticationProperties? properties) => throw new NotSupportedException();
        public Task ForbidAsync(AuthenticationProperties? properties) => throw new NotSupportedException();
        public Task InitializeAsync(AuthenticationScheme scheme, HttpContext context) => throw new NotSupportedException();
    }
}
