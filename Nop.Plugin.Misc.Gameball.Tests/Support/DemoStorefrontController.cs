using Microsoft.AspNetCore.Mvc;
using Nop.Web.Models.Catalog;
using Nop.Web.Models.ShoppingCart;

namespace Nop.Plugin.Misc.Gameball.Tests.Support;

/// <summary>
/// The demo store's public pages: stand-ins for nopCommerce 4.90's storefront views where the plugin's
/// widgets render (DemoAssets/Views/DemoStorefront), with the real pages' structure.
/// </summary>
public class DemoStorefrontController : Controller
{
    private readonly InMemoryNopStore _store;

    public DemoStorefrontController(InMemoryNopStore store)
    {
        _store = store;
    }

    [HttpGet("product/{id:int}")]
    public IActionResult Product(int id)
    {
        var product = _store.Products.FirstOrDefault(p => p.Id == id);
        return product is null ? NotFound() : View("~/Views/DemoStorefront/Product.cshtml", new ProductDetailsModel { Id = product.Id, Name = product.Name });
    }

    [HttpGet("cart")]
    public IActionResult Cart() => View("~/Views/DemoStorefront/Cart.cshtml", new ShoppingCartModel { IsEditable = true });
}
