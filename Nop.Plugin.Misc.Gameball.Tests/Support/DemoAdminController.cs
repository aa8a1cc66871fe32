using System.Collections.Concurrent;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.DependencyInjection;
using Nop.Web.Areas.Admin.Models.Customers;
using Nop.Web.Areas.Admin.Models.Orders;

namespace Nop.Plugin.Misc.Gameball.Tests.Support;

/// <summary>
/// The demo store's admin entity pages: stand-ins for nopCommerce 4.90's admin customer and order edit pages
/// where the plugin's cards render (DemoAssets/Views/DemoAdmin). As in nopCommerce, the cards are inside the
/// entity's own form, which carries its own antiforgery token and posts back here; as nopCommerce's admin
/// controllers do, every POST validates that token. Each accepted post is recorded in
/// <see cref="DemoAdminPosts"/> and echoed on the page, so a test can see what nopCommerce would have saved.
/// </summary>
[AutoValidateAntiforgeryToken]
public class DemoAdminController : Controller
{
    private readonly InMemoryNopStore _store;

    public DemoAdminController(InMemoryNopStore store)
    {
        _store = store;
    }

    private DemoAdminPosts Posts => HttpContext.RequestServices.GetRequiredService<DemoAdminPosts>();

    [HttpGet("demo-admin/customer/{id:int}")]
    public IActionResult Customer(int id)
    {
        var customer = _store.Customers.FirstOrDefault(c => c.Id == id);
        return customer is null ? NotFound() : View("~/Views/DemoAdmin/Customer.cshtml", new CustomerModel { Id = customer.Id, Email = customer.Email });
    }

    /// <summary>The customer form's Save (and Save and continue): nopCommerce's CustomerController.Edit POST.</summary>
    [HttpPost("demo-admin/customer/{id:int}")]
    public IActionResult Customer(int id, IFormCollection form)
    {
        var customer = _store.Customers.FirstOrDefault(c => c.Id == id);
        if (customer is null)
            return NotFound();
        ViewData["Posted"] = Posts.Record("customer", id, form);
        return View("~/Views/DemoAdmin/Customer.cshtml", new CustomerModel { Id = customer.Id, Email = customer.Email });
    }

    [HttpGet("demo-admin/order/{id:int}")]
    public IActionResult Order(int id)
    {
        var order = _store.Orders.FirstOrDefault(o => o.Id == id);
        return order is null ? NotFound() : View("~/Views/DemoAdmin/Order.cshtml", new OrderModel { Id = order.Id, OrderGuid = order.OrderGuid, CustomOrderNumber = order.CustomOrderNumber, CustomerId = order.CustomerId });
    }

    /// <summary>The order form's submit buttons (for instance Save order status): nopCommerce's OrderController.Edit POSTs.</summary>
    [HttpPost("demo-admin/order/{id:int}")]
    public IActionResult Order(int id, IFormCollection form)
    {
        var order = _store.Orders.FirstOrDefault(o => o.Id == id);
        if (order is null)
            return NotFound();
        ViewData["Posted"] = Posts.Record("order", id, form);
        return View("~/Views/DemoAdmin/Order.cshtml", new OrderModel { Id = order.Id, OrderGuid = order.OrderGuid, CustomOrderNumber = order.CustomOrderNumber, CustomerId = order.CustomerId });
    }
}

/// <summary>What the demo admin's entity forms posted (after their antiforgery token was accepted).</summary>
public sealed class DemoAdminPosts
{
    private readonly ConcurrentQueue<DemoAdminPost> _posts = new();

    public IReadOnlyList<DemoAdminPost> All => [.. _posts];

    public DemoAdminPost Record(string page, int id, IFormCollection form)
    {
        var post = new DemoAdminPost(page, id, form.ToDictionary(f => f.Key, f => f.Value.Select(v => v ?? string.Empty).ToArray()));
        _posts.Enqueue(post);
        return post;
    }
}

/// <param name="Page">"customer" or "order".</param>
/// <param name="Fields">Every posted field with its values, as nopCommerce's model binding would see them.</param>
public sealed record DemoAdminPost(string Page, int Id, IReadOnlyDictionary<string, string[]> Fields);
