using Microsoft.AspNetCore.Mvc;
using Nop.Web.Areas.Admin.Models.Customers;

namespace Nop.Plugin.Misc.Gameball.Tests.Support;

/// <summary>
/// The demo store's admin entity pages: stand-ins for nopCommerce 4.90's admin views where the plugin's
/// cards render (DemoAssets/Views/DemoAdmin), with the real pages' structure.
/// </summary>
public class DemoAdminController : Controller
{
    private readonly InMemoryNopStore _store;

    public DemoAdminController(InMemoryNopStore store)
    {
        _store = store;
    }

    [HttpGet("demo-admin/customer/{id:int}")]
    public IActionResult Customer(int id)
    {
        var customer = _store.Customers.FirstOrDefault(c => c.Id == id);
        return customer is null ? NotFound() : View("~/Views/DemoAdmin/Customer.cshtml", new CustomerModel { Id = customer.Id, Email = customer.Email });
    }
}
