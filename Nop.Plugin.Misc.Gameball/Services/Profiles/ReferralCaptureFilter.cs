using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.Filters;
using Nop.Core;
using Nop.Services.Configuration;

namespace Nop.Plugin.Misc.Gameball.Services.Profiles;

/// <summary>
/// Keeps the referral code of a Gameball referral link (<c>?referralCode=CODE</c> on any storefront
/// page) in a cookie for 30 days, so the shopper can look around and register later. Registered with
/// MVC for every action; it reads nothing unless the query carries the parameter, and ignores the
/// admin area, non-GET requests and codes that are not plain.
/// </summary>
public sealed class ReferralCaptureFilter : IAsyncResourceFilter
{
    private readonly ISettingService _settingService;
    private readonly IStoreContext _storeContext;

    public ReferralCaptureFilter(ISettingService settingService, IStoreContext storeContext)
    {
        _settingService = settingService;
        _storeContext = storeContext;
    }

    public async Task OnResourceExecutionAsync(ResourceExecutingContext context, ResourceExecutionDelegate next)
    {
        var request = context.HttpContext.Request;
        if (HttpMethods.IsGet(request.Method)
            && request.Query.TryGetValue(GameballDefaults.ReferralQueryParameter, out var values)
            && ReferralCode.Normalize(values.ToString()) is { } code
            && !string.Equals(context.RouteData.Values["area"] as string, "Admin", StringComparison.OrdinalIgnoreCase))
        {
            var store = await _storeContext.GetCurrentStoreAsync();
            var settings = await _settingService.LoadSettingAsync<GameballSettings>(store.Id);
            if (settings.EnableReferrals && settings.SyncCustomerProfiles)
            {
                context.HttpContext.Response.Cookies.Append(GameballDefaults.ReferralCookieName, code, new CookieOptions
                {
                    HttpOnly = true,
                    Secure = request.IsHttps,
                    SameSite = SameSiteMode.Lax,
                    IsEssential = false,
                    MaxAge = GameballDefaults.ReferralCookieLifetime,
                });
            }
        }

        await next();
    }
}
