using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Nop.Web.Framework;
using Nop.Web.Framework.Mvc.Routing;

namespace Nop.Plugin.Misc.Gameball.Infrastructure;

/// <summary>The plugin's routes: the public preview endpoints and script, and the admin pages.</summary>
public class RouteProvider : IRouteProvider
{
    public void RegisterRoutes(IEndpointRouteBuilder endpointRouteBuilder)
    {
        endpointRouteBuilder.MapControllerRoute(GameballDefaults.ProductPreviewRouteName, "Plugins/Gameball/ProductPointsPreview",
            new { controller = "GameballPreview", action = "ProductPointsPreview" });
        endpointRouteBuilder.MapControllerRoute(GameballDefaults.CartPreviewRouteName, "Plugins/Gameball/CartPointsPreview",
            new { controller = "GameballPreview", action = "CartPointsPreview" });
        endpointRouteBuilder.MapControllerRoute(GameballDefaults.PreviewScriptRouteName, "Plugins/Gameball/points-preview.js",
            new { controller = "GameballPreview", action = "Script" });
        endpointRouteBuilder.MapControllerRoute(GameballDefaults.RedemptionStateRouteName, "Plugins/Gameball/Redemption",
            new { controller = "GameballRedemption", action = "State" });
        endpointRouteBuilder.MapControllerRoute(GameballDefaults.RedemptionApplyRouteName, "Plugins/Gameball/Redemption/Apply",
            new { controller = "GameballRedemption", action = "Apply" });
        endpointRouteBuilder.MapControllerRoute(GameballDefaults.RedemptionRemoveRouteName, "Plugins/Gameball/Redemption/Remove",
            new { controller = "GameballRedemption", action = "Remove" });
        endpointRouteBuilder.MapControllerRoute(GameballDefaults.RedemptionTotalsRouteName, "Plugins/Gameball/Redemption/Totals",
            new { controller = "GameballRedemption", action = "Totals" });
        endpointRouteBuilder.MapControllerRoute(GameballDefaults.RedemptionScriptRouteName, "Plugins/Gameball/points-redemption.js",
            new { controller = "GameballRedemption", action = "Script" });
        endpointRouteBuilder.MapControllerRoute(GameballDefaults.ConfigurationRouteName, "Admin/Gameball/Configure",
            new { controller = "GameballAdmin", action = "Configure", area = AreaNames.ADMIN });
    }

    public int Priority => 0;
}
