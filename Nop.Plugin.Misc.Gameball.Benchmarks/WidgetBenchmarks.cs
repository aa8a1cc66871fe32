using System.Diagnostics;
using System.Globalization;
using System.Security.Claims;
using BenchmarkDotNet.Attributes;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewComponents;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Nop.Core;
using Nop.Core.Domain.Customers;
using Nop.Core.Domain.Localization;
using Nop.Core.Domain.Logging;
using Nop.Core.Domain.Stores;
using Nop.Plugin.Misc.Gameball.Components;
using Nop.Plugin.Misc.Gameball.Services.Widget;
using Nop.Services.Customers;
using Nop.Services.Logging;

namespace Nop.Plugin.Misc.Gameball.Benchmarks;

/// <summary>
/// What the Gameball widget costs a page view: the body_end_html_tag_before component preparing the init options
/// (guest; signed-in on v4.0; signed-in on v4.1 with a session token minted for the page view, the sign-in's
/// expiry read from the request), and minting a token alone. nopCommerce's services are plain stand-ins (no Moq)
/// answering from memory, as nopCommerce's request caches do. Target: ≤ 50 µs p99 per page view.
/// </summary>
[MemoryDiagnoser]
public class WidgetBenchmarks
{
    private const string SecretKey32 = "gb_secret_0123456789abcdefghijkl";

    private GameballWidgetViewComponent _guest = null!;
    private GameballWidgetViewComponent _signedIn40 = null!;
    private GameballWidgetViewComponent _signedIn41 = null!;
    private GameballWidgetViewComponent _signedIn41Minting = null!;
    private readonly SessionTokenCache _mintingCache = new();
    private DateTimeOffset _expires;

    [GlobalSetup]
    public void Setup()
    {
        _guest = Component(signedIn: false, "v4.1");
        _signedIn40 = Component(signedIn: true, "v4.0");
        _signedIn41 = Component(signedIn: true, "v4.1");
        _signedIn41Minting = Component(signedIn: true, "v4.1", _mintingCache);
        _expires = DateTimeOffset.UtcNow.AddHours(1);
    }

    [Benchmark(Description = "Widget per page view: guest")]
    public Task<IViewComponentResult> Guest() => _guest.InvokeAsync("body_end_html_tag_before", null);

    [Benchmark(Description = "Widget per page view: signed in, v4.0")]
    public Task<IViewComponentResult> SignedInV40() => _signedIn40.InvokeAsync("body_end_html_tag_before", null);

    [Benchmark(Description = "Widget per page view: signed in, v4.1 (session token reused)")]
    public Task<IViewComponentResult> SignedInV41() => _signedIn41.InvokeAsync("body_end_html_tag_before", null);

    [Benchmark(Description = "Widget per page view: signed in, v4.1 (mints a session token)")]
    public Task<IViewComponentResult> SignedInV41Minting()
    {
        _mintingCache.Clear();
        return _signedIn41Minting.InvokeAsync("body_end_html_tag_before", null);
    }

    [Benchmark(Description = "Session token alone (JWS HS256 in JWE A256KW/A256CBC-HS512)")]
    public string? Token() => GameballSessionToken.Issue(SecretKey32, "0b5b8c1e-36a4-4c3b-9a1e-6d1f0f6a0c01", "layla@example.test", "+201000000001", _expires);

    /// <summary>p50/p99/max of each page-view case over many calls (BenchmarkDotNet reports means and P95).</summary>
    public static string Percentiles(int calls = 100_000)
    {
        var bench = new WidgetBenchmarks();
        bench.Setup();
        var cases = new (string Name, Func<Task> Run)[]
        {
            ("guest", bench.Guest),
            ("signed in, v4.0", bench.SignedInV40),
            ("signed in, v4.1, token reused", bench.SignedInV41),
            ("signed in, v4.1, token minted (first view of a sign-in, every 10 minutes)", bench.SignedInV41Minting),
            ("token alone", () => { bench.Token(); return Task.CompletedTask; }),
        };
        var lines = new List<string> { "| case | p50 | p99 | max |", "|---|---|---|---|" };
        foreach (var (name, run) in cases)
        {
            for (var i = 0; i < 5_000; i++)
                run().GetAwaiter().GetResult();
            var ticks = new long[calls];
            for (var i = 0; i < calls; i++)
            {
                var start = Stopwatch.GetTimestamp();
                run().GetAwaiter().GetResult();
                ticks[i] = Stopwatch.GetTimestamp() - start;
            }

            Array.Sort(ticks);
            static string Micro(long t) => (t * 1_000_000.0 / Stopwatch.Frequency).ToString("0.00", CultureInfo.InvariantCulture) + " µs";
            lines.Add($"| {name} | {Micro(ticks[calls / 2])} | {Micro(ticks[(int)(calls * 0.99)])} | {Micro(ticks[^1])} |");
        }

        return string.Join(Environment.NewLine, lines);
    }

    private static GameballWidgetViewComponent Component(bool signedIn, string apiVersion, SessionTokenCache? cache = null)
    {
        var settings = GameballPlugin.CreateDefaultSettings();
        settings.ApiKey = "gb_test_public_key";
        settings.SecretKey = SecretKey32;
        settings.ApiVersion = apiVersion;
        settings.EnableWidget = true;
        var customer = new Customer
        {
            Id = 7,
            Email = "layla@example.test",
            FirstName = "Layla",
            LastName = "Haddad",
            Gender = "F",
            Phone = "+201000000001",
            DateOfBirth = new DateTime(1992, 12, 24),
            CreatedOnUtc = new DateTime(2024, 1, 31, 0, 0, 0, DateTimeKind.Utc),
            Active = true,
        };
        var ticket = AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(new ClaimsIdentity("Authentication")),
            new AuthenticationProperties { ExpiresUtc = DateTimeOffset.UtcNow.AddDays(14) }, "Authentication"));
        var services = new ServiceCollection()
            .AddSingleton<IAuthenticationService>(new SignIn(ticket))
            .AddSingleton<IAuthenticationSchemeProvider>(new Schemes())
            .BuildServiceProvider();
        var service = new GameballWidgetService(settings, new WorkContext(customer), new StoreContext(), new Customers(signedIn),
            new HttpContextAccessor { HttpContext = new DefaultHttpContext { RequestServices = services } }, new NullLogger(), TimeProvider.System,
            new WidgetTokenFailureLog(), cache ?? new SessionTokenCache(), GameballWidgetScript.Gameball);
        return new GameballWidgetViewComponent(service)
        {
            ViewComponentContext = new ViewComponentContext { ViewContext = new ViewContext { RouteData = new RouteData() } },
        };
    }

    private sealed class WorkContext(Customer customer) : IWorkContext
    {
        private readonly Task<Customer> _customer = Task.FromResult(customer);
        private readonly Task<Language> _language = Task.FromResult(new Language { Id = 1, LanguageCulture = "ar-EG", UniqueSeoCode = "ar" });

        public Task<Customer> GetCurrentCustomerAsync() => _customer;
        public Task<Language> GetWorkingLanguageAsync() => _language;
        public Task<Nop.Core.Domain.Directory.Currency> GetWorkingCurrencyAsync() => throw new NotSupportedException();
    }

    private sealed class StoreContext : IStoreContext
    {
        public Task<Store> GetCurrentStoreAsync() => Task.FromResult(new Store { Id = 1 });
        public Task<int> GetActiveStoreScopeConfigurationAsync() => Task.FromResult(0);
    }

    private sealed class Customers(bool registered) : ICustomerService
    {
        private readonly Task<bool> _registered = Task.FromResult(registered);

        public Task<bool> IsRegisteredAsync(Customer customer, bool onlyActiveCustomerRoles = true) => _registered;
        public Task<bool> IsGuestAsync(Customer customer, bool onlyActiveCustomerRoles = true) => Task.FromResult(!registered);
        public Task<Customer> GetCustomerByIdAsync(int customerId) => throw new NotSupportedException();
        public Task<Customer> GetCustomerByEmailAsync(string email) => throw new NotSupportedException();
        public Task<Nop.Core.Domain.Common.Address> GetCustomerBillingAddressAsync(Customer customer) => throw new NotSupportedException();
        public Task<string[]> ParseAppliedGiftCardCouponCodesAsync(Customer customer) => throw new NotSupportedException();
        public Task ApplyGiftCardCouponCodeAsync(Customer customer, string couponCode) => throw new NotSupportedException();
        public Task RemoveGiftCardCouponCodeAsync(Customer customer, string couponCode) => throw new NotSupportedException();
    }

    private sealed class SignIn(AuthenticateResult result) : IAuthenticationService
    {
        private readonly Task<AuthenticateResult> _result = Task.FromResult(result);

        public Task<AuthenticateResult> AuthenticateAsync(HttpContext context, string? scheme) => _result;
        public Task ChallengeAsync(HttpContext context, string? scheme, AuthenticationProperties? properties) => throw new NotSupportedException();
        public Task ForbidAsync(HttpContext context, string? scheme, AuthenticationProperties? properties) => throw new NotSupportedException();
        public Task SignInAsync(HttpContext context, string? scheme, ClaimsPrincipal principal, AuthenticationProperties? properties) => throw new NotSupportedException();
        public Task SignOutAsync(HttpContext context, string? scheme, AuthenticationProperties? properties) => throw new NotSupportedException();
    }

    private sealed class Schemes : AuthenticationSchemeProvider
    {
        public Schemes()
            : base(Microsoft.Extensions.Options.Options.Create(new AuthenticationOptions()))
        {
            AddScheme(new AuthenticationScheme("Authentication", null, typeof(NoHandler)));
        }
    }

    private sealed class NoHandler : IAuthenticationHandler
    {
        public Task<AuthenticateResult> AuthenticateAsync() => throw new NotSupportedException();
        public Task ChallengeAsync(AuthenticationProperties? properties) => throw new NotSupportedException();
        public Task ForbidAsync(AuthenticationProperties? properties) => throw new NotSupportedException();
        public Task InitializeAsync(AuthenticationScheme scheme, HttpContext context) => throw new NotSupportedException();
    }

    private sealed class NullLogger : ILogger
    {
        public bool IsEnabled(LogLevel level) => false;
        public Task InsertLogAsync(LogLevel logLevel, string shortMessage, string fullMessage = "", Customer? customer = null) => Task.CompletedTask;
        public Task InformationAsync(string message, Exception? exception = null, Customer? customer = null) => Task.CompletedTask;
        public Task WarningAsync(string message, Exception? exception = null, Customer? customer = null) => Task.CompletedTask;
        public Task ErrorAsync(string message, Exception? exception = null, Customer? customer = null) => Task.CompletedTask;
    }
}
