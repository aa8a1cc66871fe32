using Microsoft.AspNetCore.Mvc;
using Newtonsoft.Json;
using Nop.Core;
using Nop.Plugin.Misc.Gameball.Services.Redemption;
using Nop.Services.Configuration;
using Nop.Web.Framework.Controllers;

namespace Nop.Plugin.Misc.Gameball.Controllers;

/// <summary>
/// The redemption box's endpoints, for the current customer only: its state (read after the page loaded), apply
/// and remove (antiforgery-checked POSTs). Gameball's failures become a message, never an error page.
/// </summary>
public class GameballRedemptionController : BasePluginController
{
    private const long MaxPoints = 100_000_000;

    private readonly ISettingService _settingService;
    private readonly IStoreContext _storeContext;
    private readonly IWorkContext _workContext;
    private readonly RedemptionPresenter _presenter;
    private readonly RedemptionService _redemption;

    public GameballRedemptionController(ISettingService settingService, IStoreContext storeContext, IWorkContext workContext, RedemptionPresenter presenter, RedemptionService redemption)
    {
        _settingService = settingService;
        _storeContext = storeContext;
        _workContext = workContext;
        _presenter = presenter;
        _redemption = redemption;
    }

    [HttpGet]
    public async Task<IActionResult> State()
    {
        var (settings, store, customer) = await ContextAsync();
        return JsonContent(await _presenter.PresentAsync(await _redemption.GetStateAsync(settings, store, customer, HttpContext.RequestAborted)));
    }

    [HttpPost]
    [ValidateAntiForgeryToken]
    public async Task<IActionResult> Apply(long points)
    {
        if (!ModelState.IsValid || points <= 0 || points > MaxPoints)
            return BadRequest();
        var (settings, store, customer) = await ContextAsync();
        var applied = await _redemption.ApplyAsync(settings, store, customer, points, HttpContext.RequestAborted);
        if (applied.Outcome != RedemptionOutcome.Ok)
            return JsonContent(await _presenter.PresentAsync(applied));
        return JsonContent(await _presenter.PresentAsync(await _redemption.GetStateAsync(settings, store, customer, HttpContext.RequestAborted)));
    }

    /// <summary>
    /// The order totals of the current cart, rendered by nopCommerce's own view component (the theme's view), as
    /// nopCommerce's cart answers a checkout attribute's change: the one-page checkout's confirm step puts them in
    /// place of its totals, because reloading that page would start the checkout again.
    /// </summary>
    [HttpGet]
    [ResponseCache(NoStore = true, Location = ResponseCacheLocation.None)]
    public IActionResult Totals() => ViewComponent(GameballDefaults.OrderTotalsViewComponentName, new { isEditable = false });

    [HttpPost]
    [ValidateAntiForgeryToken]
    public async Task<IActionResult> Remove()
    {
        var (settings, store, customer) = await ContextAsync();
        var removed = await _redemption.RemoveAsync(customer, "The shopper removed the points.", HttpContext.RequestAborted);
        if (removed != RedemptionOutcome.Ok)
            return JsonContent(await _presenter.PresentAsync(new RedemptionState(removed)));
        return JsonContent(await _presenter.PresentAsync(await _redemption.GetStateAsync(settings, store, customer, HttpContext.RequestAborted)));
    }

    [HttpGet]
    [ResponseCache(Duration = 86_400, Location = ResponseCacheLocation.Any)]
    public IActionResult Script()
    {
        var stream = typeof(GameballRedemptionController).Assembly.GetManifestResourceStream("Nop.Plugin.Misc.Gameball.points-redemption.js");
        return stream is null ? NotFound() : File(stream, "text/javascript; charset=utf-8");
    }

    private async Task<(GameballSettings, Nop.Core.Domain.Stores.Store, Nop.Core.Domain.Customers.Customer)> ContextAsync()
    {
        var store = await _storeContext.GetCurrentStoreAsync();
        var settings = await _settingService.LoadSettingAsync<GameballSettings>(store.Id);
        return (settings, store, await _workContext.GetCurrentCustomerAsync());
    }

    private ContentResult JsonContent(RedemptionResponse response)
    {
        Response.Headers.CacheControl = "no-store";
        return Content(JsonConvert.SerializeObject(response), "application/json; charset=utf-8");
    }
}
