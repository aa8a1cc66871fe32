using Microsoft.AspNetCore.Mvc;

namespace Nop.Plugin.Misc.Gameball.Tests.Support;

/// <summary>
/// The demo's stand-in for nopCommerce's OrderTotalsViewComponent, under its full name (the plugin asks for it by
/// name): the current customer's order totals in the demo's <c>_OrderTotals</c> view, as on the checkout pages.
/// </summary>
[ViewComponent(Name = "Nop.Web.Components.OrderTotals")]
public class DemoOrderTotalsViewComponent : ViewComponent
{
    private readonly InMemoryNopStore _store;

    public DemoOrderTotalsViewComponent(InMemoryNopStore store)
    {
        _store = store;
    }

    public IViewComponentResult Invoke(bool isEditable) =>
        View("~/Views/DemoStorefront/_OrderTotals.cshtml", DemoStorefrontController.Summary(_store, isEditable, giftWrapping: false).Totals);
}
