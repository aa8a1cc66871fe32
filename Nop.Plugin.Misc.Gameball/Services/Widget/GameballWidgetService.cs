using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Nop.Core;
using Nop.Core.Domain.Customers;
using Nop.Plugin.Misc.Gameball.Models;
using Nop.Plugin.Misc.Gameball.Services.Orders;
using Nop.Services.Authentication;
using Nop.Services.Customers;
using Nop.Services.Logging;

namespace Nop.Plugin.Misc.Gameball.Services.Widget;

/// <summary>The loader script the widget's page loads; the demo store and tests replace it (no internet).</summary>
public sealed record GameballWidgetScript(string Url)
{
    public static GameballWidgetScript Gameball { get; } = new(GameballDefaults.WidgetScriptUrl);
}

/// <summary>
/// What the page hands <c>GbSdk.init</c> (gameball-api §2.11), built from what nopCommerce already has in the
/// request: no call to Gameball while the page renders. A guest gets the guest view (no playerUniqueId); a
/// signed-in (registered) customer is the Gameball customer of <see cref="GameballIdentifiers.CustomerId"/>
/// with the profile's attributes and, on API v4.1, a session token minted here (reused for a few minutes of the
/// same sign-in, <see cref="SessionTokenCache"/>). When the token cannot be
/// minted the signed-in customer gets no widget, as Gameball asks.
/// </summary>
public class GameballWidgetService
{
    // escapes <, >, &, quotes and every non-ASCII character (U+2028 and U+2029 too): the JSON can neither
    // close the script element nor open a comment in it, and stays one JavaScript expression
    private static readonly JsonWriterOptions _writerOptions = new() { Encoder = JavaScriptEncoder.Default };

    private readonly GameballSettings _settings;
    private readonly IWorkContext _workContext;
    private readonly IStoreContext _storeContext;
    private readonly ICustomerService _customerService;
    private readonly IHttpContextAccessor _httpContextAccessor;
    private readonly ILogger _logger;
    private readonly TimeProvider _timeProvider;
    private readonly WidgetTokenFailureLog _failureLog;
    private readonly SessionTokenCache _tokenCache;
    private readonly GameballWidgetScript _script;

    public GameballWidgetService(GameballSettings settings,
        IWorkContext workContext,
        IStoreContext storeContext,
        ICustomerService customerService,
        IHttpContextAccessor httpContextAccessor,
        ILogger logger,
        TimeProvider timeProvider,
        WidgetTokenFailureLog failureLog,
        SessionTokenCache tokenCache,
        GameballWidgetScript script)
    {
        _settings = settings;
        _workContext = workContext;
        _storeContext = storeContext;
        _customerService = customerService;
        _httpContextAccessor = httpContextAccessor;
        _logger = logger;
        _timeProvider = timeProvider;
        _failureLog = failureLog;
        _tokenCache = tokenCache;
        _script = script;
    }

    /// <returns>The widget of this page view, or null when none is shown.</returns>
    public async Task<GameballWidgetModel?> PrepareAsync()
    {
        if (!_settings.EnableWidget || string.IsNullOrWhiteSpace(_settings.ApiKey))
            return null;

        var customer = await _workContext.GetCurrentCustomerAsync();
        var signedIn = customer is not null && !customer.Deleted && await _customerService.IsRegisteredAsync(customer);
        string? token = null;
        if (signedIn && _settings.ApiVersion == GameballDefaults.ApiVersion41)
        {
            token = await IssueTokenAsync(customer!);
            if (token is null)
                return null;
        }

        var language = await _workContext.GetWorkingLanguageAsync();
        var lang = language is null ? null : GameballWidgetLanguage.For(language.LanguageCulture, language.UniqueSeoCode);
        return new GameballWidgetModel(WriteConfig(_settings.ApiKey.Trim(), lang, signedIn ? customer : null, token), _script.Url);
    }

    private async Task<string?> IssueTokenAsync(Customer customer)
    {
        if (!GameballSessionToken.IsUsableKey(_settings.SecretKey))
        {
            var store = await _storeContext.GetCurrentStoreAsync();
            await _failureLog.ReportKeyLengthAsync(_logger, store?.Id ?? 0, GameballSessionToken.KeyLength(_settings.SecretKey));
            return null;
        }

        var now = _timeProvider.GetUtcNow();
        var session = await SignInAsync();
        var cacheKey = new SessionTokenCache.Key(_settings.SecretKey!, customer.CustomerGuid, customer.Email, customer.Phone,
            session?.IssuedUtc?.UtcTicks ?? 0, session?.ExpiresUtc?.UtcTicks ?? 0);
        if (_tokenCache.Get(cacheKey, now) is { } cached)
            return cached;

        var expires = now + GameballDefaults.SessionTokenMaxLifetime;
        if (session?.ExpiresUtc is { } sessionEnds && sessionEnds < expires)
            expires = sessionEnds;
        // a token must not outlive the sign-in; one that ends now is useless
        if (expires.ToUnixTimeSeconds() <= now.ToUnixTimeSeconds())
            return null;
        var token = GameballSessionToken.Issue(_settings.SecretKey, GameballIdentifiers.CustomerId(customer), customer.Email, customer.Phone, expires);
        if (token is not null)
            _tokenCache.Set(cacheKey, token, expires, now);
        return token;
    }

    /// <summary>
    /// nopCommerce's sign-in: when it was issued and when it ends, the expiry of its authentication cookie (scheme
    /// <see cref="NopAuthenticationDefaults.AuthenticationScheme"/>; ASP.NET Core's default 14 days, sliding,
    /// as nopCommerce does not change it). The cookie handler answers from the request's own cookie, once per
    /// request. Null when the request has no such sign-in (then the token lives <see cref="GameballDefaults.SessionTokenMaxLifetime"/>).
    /// </summary>
    private async Task<AuthenticationProperties?> SignInAsync()
    {
        var httpContext = _httpContextAccessor.HttpContext;
        var scheme = NopAuthenticationDefaults.AuthenticationScheme;
        if (httpContext?.RequestServices.GetService<IAuthenticationService>() is not { } authentication
            || httpContext.RequestServices.GetService<IAuthenticationSchemeProvider>() is not { } schemes
            || await schemes.GetSchemeAsync(scheme) is null)
            return null;
        var result = await authentication.AuthenticateAsync(httpContext, scheme);
        return result.Succeeded ? result.Properties : null;
    }

    internal static string WriteConfig(string apiKey, string? lang, Customer? customer, string? sessionToken)
    {
        var buffer = new ArrayBufferWriter<byte>(512);
        using (var json = new Utf8JsonWriter(buffer, _writerOptions))
        {
            json.WriteStartObject();
            json.WriteString("APIKey", apiKey);
            if (lang is not null)
                json.WriteString("lang", lang);
            // the guest view: no playerUniqueId at all (as Magento's plugin does), never an empty one
            if (customer is not null)
            {
                json.WriteString("playerUniqueId", GameballIdentifiers.CustomerId(customer));
                WriteAttributes(json, customer);
            }

            if (sessionToken is not null)
                json.WriteString("sessionToken", sessionToken);
            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    // attributes the profile has; empty ones are left out rather than sent empty (the widget upserts the customer)
    private static void WriteAttributes(Utf8JsonWriter json, Customer customer)
    {
        json.WriteStartObject("playerAttributes");
        var firstName = customer.FirstName?.Trim();
        var lastName = customer.LastName?.Trim();
        var displayName = string.Join(' ', new[] { firstName, lastName }.Where(n => !string.IsNullOrEmpty(n)));
        WriteIfAny(json, "displayName", displayName);
        WriteIfAny(json, "firstName", firstName);
        WriteIfAny(json, "lastName", lastName);
        WriteIfAny(json, "email", customer.Email?.Trim());
        // nopCommerce stores "M" or "F"
        if (customer.Gender is "M" or "F")
            json.WriteString("gender", customer.Gender);
        if (customer.DateOfBirth is { } birth)
            json.WriteString("dateOfBirth", birth.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        if (customer.CreatedOnUtc != default)
            json.WriteString("joinDate", customer.CreatedOnUtc.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        json.WriteEndObject();
    }

    private static void WriteIfAny(Utf8JsonWriter json, string name, string? value)
    {
        if (!string.IsNullOrEmpty(value))
            json.WriteString(name, value);
    }
}
