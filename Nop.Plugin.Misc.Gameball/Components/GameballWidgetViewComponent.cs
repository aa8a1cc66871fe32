using Microsoft.AspNetCore.Mvc;
using Nop.Plugin.Misc.Gameball.Services.Widget;
using Nop.Web.Framework;
using Nop.Web.Framework.Components;
using Nop.Web.Framework.Infrastructure;

namespace Nop.Plugin.Misc.Gameball.Components;

/// <summary>
/// Gameball's web widget before the end of the body of every public page: the init options inline, the loader
/// deferred, so the page never waits for Gameball. Nothing on admin pages, nor in any other zone.
/// </summary>
public class GameballWidgetViewComponent : NopViewComponent
{
    private readonly GameballWidgetService _widget;

    public GameballWidgetViewComponent(GameballWidgetService widget)
    {
        _widget = widget;
    }

    public async Task<IViewComponentResult> InvokeAsync(string widgetZone, object? additionalData)
    {
        if (widgetZone != PublicWidgetZones.BodyEndHtmlTagBefore || IsAdminPage())
            return Content(string.Empty);
        var model = await _widget.PrepareAsync();
        return model is null ? Content(string.Empty) : View(GameballDefaults.WidgetViewPath, model);
    }

    private bool IsAdminPage() => string.Equals(RouteData?.Values["area"] as string, AreaNames.ADMIN, StringComparison.OrdinalIgnoreCase);
}
