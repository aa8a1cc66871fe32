using Microsoft.AspNetCore.Mvc;
using Nop.Plugin.Misc.Gameball.Models;
using Nop.Web.Framework.Components;
using Nop.Web.Models.Catalog;
using Nop.Web.Models.ShoppingCart;

namespace Nop.Plugin.Misc.Gameball.Components;

/// <summary>
/// Renders the hidden points-preview placeholder on product and cart pages, without calling Gameball:
/// the page is never slowed, the script fills the placeholder in afterwards.
/// </summary>
public class PointsPreviewViewComponent : NopViewComponent
{
    // nopCommerce serves plugin files with a long cache lifetime: a new plugin version gets a new address
    private static readonly string _assetVersion = typeof(PointsPreviewViewComponent).Assembly.GetName().Version?.ToString() ?? "1";

    private readonly GameballSettings _settings;

    public PointsPreviewViewComponent(GameballSettings settings)
    {
        _settings = settings;
    }

    public IViewComponentResult Invoke(string widgetZone, object additionalData)
    {
        if (string.IsNullOrEmpty(_settings.ApiKey) || string.IsNullOrEmpty(_settings.SecretKey))
            return Content(string.Empty);

        // the script is cached for a day: its address carries the plugin version, so an upgrade is picked up at once
        var scriptUrl = Url.RouteUrl(GameballDefaults.PreviewScriptRouteName, new { v = _assetVersion }) ?? string.Empty;
        var stylesUrl = Url.Content(GameballDefaults.PreviewStylesPath + "?v=" + _assetVersion) ?? string.Empty;
        switch (additionalData)
        {
            case ProductDetailsModel product when _settings.EnableProductPreview:
                var productIds = product.AssociatedProducts is { Count: > 0 } associated ? associated.Select(p => p.Id).ToList() : [product.Id];
                return View(GameballDefaults.PreviewViewPath, new PointsPreviewModel
                {
                    Kind = "product",
                    ProductIds = productIds,
                    EndpointUrl = Url.RouteUrl(GameballDefaults.ProductPreviewRouteName) ?? string.Empty,
                    ScriptUrl = scriptUrl,
                    StylesUrl = stylesUrl,
                });
            case ShoppingCartModel when _settings.EnableCartPreview:
                return View(GameballDefaults.PreviewViewPath, new PointsPreviewModel
                {
                    Kind = "cart",
                    EndpointUrl = Url.RouteUrl(GameballDefaults.CartPreviewRouteName) ?? string.Empty,
                    ScriptUrl = scriptUrl,
                    StylesUrl = stylesUrl,
                });
            default:
                return Content(string.Empty);
        }
    }
}
