using Nop.Plugin.Misc.Gameball.Components;
using Nop.Web.Framework.Infrastructure;

namespace Nop.Plugin.Misc.Gameball.Services;

/// <summary>
/// Which widget zones the plugin renders in (the product zone is a setting), and which view component
/// renders each. The component for a zone never depends on settings: nopCommerce caches it. The widget's zone
/// is always listed; its component renders nothing while the widget is off.
/// </summary>
public class GameballWidgetZones
{
    private readonly GameballSettings _settings;

    public GameballWidgetZones(GameballSettings settings)
    {
        _settings = settings;
    }

    public Task<IList<string>> GetZonesAsync()
    {
        var productZone = string.IsNullOrWhiteSpace(_settings.ProductPreviewWidgetZone) ? PublicWidgetZones.ProductDetailsOverviewBottom : _settings.ProductPreviewWidgetZone;
        return Task.FromResult<IList<string>>([productZone, PublicWidgetZones.OrderSummaryTotals, PublicWidgetZones.OrderSummaryCartFooter, PublicWidgetZones.BodyEndHtmlTagBefore, AdminWidgetZones.OrderDetailsBlock, AdminWidgetZones.CustomerDetailsBlock]);
    }

    public Type GetViewComponent(string widgetZone)
    {
        if (widgetZone == PublicWidgetZones.BodyEndHtmlTagBefore)
            return typeof(GameballWidgetViewComponent);
        if (widgetZone == AdminWidgetZones.OrderDetailsBlock)
            return typeof(GameballOrderCardViewComponent);
        if (widgetZone == PublicWidgetZones.OrderSummaryCartFooter)
            return typeof(PointsRedemptionViewComponent);
        if (widgetZone == AdminWidgetZones.CustomerDetailsBlock)
            return typeof(GameballCustomerCardViewComponent);
        return typeof(PointsPreviewViewComponent);
    }
}
