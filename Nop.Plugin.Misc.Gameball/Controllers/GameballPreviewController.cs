using Microsoft.AspNetCore.Mvc;
using Newtonsoft.Json;
using Nop.Core;
using Nop.Core.Domain.Catalog;
using Nop.Plugin.Misc.Gameball.Filters;
using Nop.Plugin.Misc.Gameball.Services.Preview;
using Nop.Services.Catalog;
using Nop.Services.Configuration;
using Nop.Services.Security;
using Nop.Services.Stores;
using Nop.Web.Framework.Controllers;

namespace Nop.Plugin.Misc.Gameball.Controllers;

/// <summary>
/// Public endpoints behind the points preview: for the current customer only, a per-client limit, input
/// checked before anything is priced or sent, and a hidden preview (never an error page) when Gameball
/// cannot answer.
/// </summary>
public class GameballPreviewController : BasePluginController
{
    private readonly IAclService _aclService;
    private readonly IProductService _productService;
    private readonly ISettingService _settingService;
    private readonly IStoreContext _storeContext;
    private readonly IStoreMappingService _storeMappingService;
    private readonly IWorkContext _workContext;
    private readonly PointsPreviewService _previewService;
    private readonly PreviewPresenter _presenter;

    public GameballPreviewController(IAclService aclService,
        IProductService productService,
        ISettingService settingService,
        IStoreContext storeContext,
        IStoreMappingService storeMappingService,
        IWorkContext workContext,
        PointsPreviewService previewService,
        PreviewPresenter presenter)
    {
        _aclService = aclService;
        _productService = productService;
        _settingService = settingService;
        _storeContext = storeContext;
        _storeMappingService = storeMappingService;
        _workContext = workContext;
        _previewService = previewService;
        _presenter = presenter;
    }

    // reads only; the form carries the product's attribute choices as the product page has them
    [HttpPost]
    [IgnoreAntiforgeryToken]
    [PreviewClientLimit]
    public async Task<IActionResult> ProductPointsPreview(int productId, int quantity = 1)
    {
        // a value that does not bind (too large for an int, not a number) would leave its default (quantity 1): refuse it instead
        if (!ModelState.IsValid || productId <= 0 || quantity < 1 || quantity > GameballDefaults.MaxPreviewQuantity)
            return BadRequest();

        var product = await _productService.GetProductByIdAsync(productId);
        if (product is null || product.Deleted || !product.Published || !IsOrderableQuantity(product, quantity)
            || !await _storeMappingService.AuthorizeAsync(product) || !await _aclService.AuthorizeAsync(product))
            return BadRequest();

        var store = await _storeContext.GetCurrentStoreAsync();
        var settings = await _settingService.LoadSettingAsync<GameballSettings>(store.Id);
        var customer = await _workContext.GetCurrentCustomerAsync();
        var form = Request.HasFormContentType ? await Request.ReadFormAsync(HttpContext.RequestAborted) : null;
        var preview = await _previewService.PreviewProductAsync(settings, store, customer, product, quantity, form, HttpContext.RequestAborted);
        return JsonContent(await _presenter.ForProductAsync(preview));
    }

    [HttpGet]
    [PreviewClientLimit]
    public async Task<IActionResult> CartPointsPreview()
    {
        var store = await _storeContext.GetCurrentStoreAsync();
        var settings = await _settingService.LoadSettingAsync<GameballSettings>(store.Id);
        var customer = await _workContext.GetCurrentCustomerAsync();
        var preview = await _previewService.PreviewCartAsync(settings, store, customer, HttpContext.RequestAborted);
        return JsonContent(await _presenter.ForCartAsync(preview));
    }

    [HttpGet]
    [ResponseCache(Duration = 86_400, Location = ResponseCacheLocation.Any)]
    public IActionResult Script()
    {
        var stream = typeof(GameballPreviewController).Assembly.GetManifestResourceStream("Nop.Plugin.Misc.Gameball.points-preview.js");
        return stream is null ? NotFound() : File(stream, "text/javascript; charset=utf-8");
    }

    /// <summary>A quantity nopCommerce would put in the cart: within the product's minimum and maximum, and one of its allowed quantities if it has a list.</summary>
    private bool IsOrderableQuantity(Product product, int quantity)
    {
        if (quantity < product.OrderMinimumQuantity || quantity > product.OrderMaximumQuantity)
            return false;
        var allowed = _productService.ParseAllowedQuantities(product);
        return allowed.Length == 0 || allowed.Contains(quantity);
    }

    // explicit field names, whatever JSON settings the host's MVC uses
    private ContentResult JsonContent(PointsPreviewResponse response)
    {
        Response.Headers.CacheControl = "no-store";
        return Content(JsonConvert.SerializeObject(response), "application/json; charset=utf-8");
    }
}
