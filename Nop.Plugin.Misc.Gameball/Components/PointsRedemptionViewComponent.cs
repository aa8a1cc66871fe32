using Microsoft.AspNetCore.Mvc;
using Nop.Plugin.Misc.Gameball.Models;
using Nop.Web.Framework.Components;
using Nop.Web.Models.ShoppingCart;

namespace Nop.Plugin.Misc.Gameball.Components;

/// <summary>
/// The "pay with points" box in the order summary's footer (the cart, the multi-step checkout's confirm page and
/// the one-page checkout's confirm step): a placeholder only, without calling Gameball; the script asks for the
/// balance and the hold once the page has loaded.
/// </summary>
public class PointsRedemptionViewComponent : NopViewComponent
{
    private static readonly string _assetVersion = typeof(PointsRedemptionViewComponent).Assembly.GetName().Version?.ToString() ?? "1";

    private readonly GameballSettings _settings;

    public PointsRedemptionViewComponent(GameballSettings settings)
    {
        _settings = settings;
    }

    public IViewComponentResult Invoke(string widgetZone, object additionalData)
    {
        if (!_settings.EnableRedemption || string.IsNullOrEmpty(_settings.ApiKey) || string.IsNullOrEmpty(_settings.SecretKey) || additionalData is not ShoppingCartModel)
            return Content(string.Empty);
        return View(GameballDefaults.RedemptionViewPath, new PointsRedemptionModel
        {
            StateUrl = Url.RouteUrl(GameballDefaults.RedemptionStateRouteName) ?? string.Empty,
            ApplyUrl = Url.RouteUrl(GameballDefaults.RedemptionApplyRouteName) ?? string.Empty,
            RemoveUrl = Url.RouteUrl(GameballDefaults.RedemptionRemoveRouteName) ?? string.Empty,
            TotalsUrl = Url.RouteUrl(GameballDefaults.RedemptionTotalsRouteName) ?? string.Empty,
            ScriptUrl = Url.RouteUrl(GameballDefaults.RedemptionScriptRouteName, new { v = _assetVersion }) ?? string.Empty,
            StylesUrl = Url.Content(GameballDefaults.RedemptionStylesPath + "?v=" + _assetVersion) ?? string.Empty,
            LoginUrl = "/login?returnUrl=" + Uri.EscapeDataString(Request.Path + Request.QueryString),
        });
    }
}
