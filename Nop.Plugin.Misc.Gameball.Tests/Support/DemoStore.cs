using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ApplicationParts;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Logging;
using Newtonsoft.Json.Serialization;
using Nop.Plugin.Misc.Gameball.FakeGameball;
using Nop.Plugin.Misc.Gameball.Infrastructure;
using Nop.Web.Models.Catalog;

namespace Nop.Plugin.Misc.Gameball.Tests.Support;

/// <summary>
/// A small store on loopback that renders the plugin's widgets in product pages the way nopCommerce's
/// default theme lays them out, serves the plugin's own endpoints and script, and compiles the plugin's
/// views at run time from its output folder. nopCommerce's services come from an in-memory store; Gameball
/// is the fake.
/// </summary>
public sealed class DemoStore : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly string _root;

    private DemoStore(WebApplication app, string root, InMemoryNopStore store, FakeGameballServer fake)
    {
        _app = app;
        _root = root;
        Store = store;
        Fake = fake;
    }

    public InMemoryNopStore Store { get; }

    public FakeGameballServer Fake { get; }

    public string BaseUrl { get; private set; } = string.Empty;

    public IServiceProvider Services => _app.Services;

    public static async Task<DemoStore> StartAsync(int port = 0)
    {
        var fake = await FakeGameballServer.StartAsync();
        var store = new InMemoryNopStore();
        store.Settings[0] = OrderSyncTestHost.SettingsFor(fake);
        store.Settings[1] = store.Settings[0];
        store.CurrentCustomer = store.AddCustomer(null, registered: false);

        var root = Path.Combine(Path.GetTempPath(), "gameball-demo-" + Guid.NewGuid().ToString("N"));
        CopyDirectory(TestPaths.PluginFolder, Path.Combine(root, "Plugins", "Misc.Gameball"));
        Directory.CreateDirectory(Path.Combine(root, "Views", "Demo"));
        await File.WriteAllTextAsync(Path.Combine(root, "Views", "Demo", "Product.cshtml"), ProductPage);
        await File.WriteAllTextAsync(Path.Combine(root, "Views", "Demo", "Customer.cshtml"), AdminCustomerPage);
        await File.WriteAllTextAsync(Path.Combine(root, "Views", "Demo", "Cart.cshtml"), CartPage);
        // nopCommerce's admin layout, reduced to what the plugin's admin pages need from it
        Directory.CreateDirectory(Path.Combine(root, "Views", "Shared"));
        await File.WriteAllTextAsync(Path.Combine(root, "Views", "Shared", "_AdminLayout.cshtml"), AdminLayout);
        await File.WriteAllTextAsync(Path.Combine(root, "Views", "Shared", "_ConfigurePlugin.cshtml"), ConfigurePluginLayout);
        File.Copy(Path.Combine(TestPaths.DemoAssets, "Table.cshtml"), Path.Combine(root, "Views", "Shared", "Table.cshtml"));
        // the demo admin is an admin with the rights the plugin's cards check
        store.GrantedPermissions.UnionWith(["Customers.CustomersView", "Customers.CustomersCreateEditDelete", "Orders.OrdersView", "Orders.OrdersCreateEditDelete", "Configuration.ManagePlugins"]);

        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            ApplicationName = typeof(DemoStore).Assembly.GetName().Name,
            ContentRootPath = root,
        });
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(k => k.Listen(System.Net.IPAddress.Loopback, port));
        builder.Services.AddControllersWithViews()
            .ConfigureApplicationPartManager(parts =>
            {
                parts.ApplicationParts.Add(new AssemblyPart(typeof(GameballPlugin).Assembly));
                parts.ApplicationParts.Add(new AssemblyPart(typeof(Nop.Web.Framework.Mvc.Razor.NopRazorPage<>).Assembly));
                parts.ApplicationParts.Add(new AssemblyPart(typeof(Nop.Web.Areas.Admin.Components.StoreScopeConfigurationViewComponent).Assembly));
            })
            .AddRazorRuntimeCompilation(options => options.FileProviders.Add(new PhysicalFileProvider(root)))
            // as nopCommerce configures MVC: Newtonsoft.Json, property names as declared (the grids read "Data")
            .AddNewtonsoftJson(options => options.SerializerSettings.ContractResolver = new DefaultContractResolver());
        builder.Services.AddSingleton(store);
        store.AddNopServices(builder.Services);
        new NopStartup().ConfigureServices(builder.Services, builder.Configuration);
        // nopCommerce registers every ISettings class, loaded for the current store
        builder.Services.AddScoped(_ => store.SettingsOf(store.CurrentStoreId));

        var app = builder.Build();
        app.UseDeveloperExceptionPage();
        if (Directory.Exists(TestPaths.AdminScriptLibraries))
            app.UseStaticFiles(new StaticFileOptions { FileProvider = new PhysicalFileProvider(TestPaths.AdminScriptLibraries), RequestPath = "/lib_npm" });
        app.UseRouting();
        new RouteProvider().RegisterRoutes(app);
        app.MapControllerRoute("DemoProduct", "product/{id:int}", new { controller = "DemoStorefront", action = "Product" });
        app.MapControllerRoute("DemoCart", "cart", new { controller = "DemoStorefront", action = "Cart" });
        app.MapControllerRoute("DemoAdminCustomer", "demo-admin/customer/{id:int}", new { controller = "DemoStorefront", action = "Customer" });
        app.MapControllerRoute("Areas", "{area:exists}/{controller}/{action}/{id?}");
        await app.StartAsync();

        var demo = new DemoStore(app, root, store, fake);
        demo.BaseUrl = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return demo;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        await Fake.DisposeAsync();
        try
        {
            Directory.Delete(_root, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    // the parts of nopCommerce's product template the plugin relies on: the product form and its quantity box
    private const string ProductPage = """
        @model Nop.Web.Models.Catalog.ProductDetailsModel
        <!DOCTYPE html>
        <html lang="en">
        <head><meta charset="utf-8" /><title>@Model.Name</title>
        <style>body{font-family:sans-serif;margin:2em} .gameball-points-preview{margin-top:1em;padding:.6em 1em;background:#f3efff;border-left:4px solid #6a3fd1;color:#3a2380}</style></head>
        <body>
            <h1 class="product-name">@Model.Name</h1>
            <form id="product-details-form">
                <div class="overview">
                    <div class="prices"><span class="price-value">$110.00</span></div>
                    <label for="product_enteredQuantity_@Model.Id">Qty:</label>
                    <input id="product_enteredQuantity_@Model.Id" name="addtocart_@(Model.Id).EnteredQuantity" class="qty-input" type="text" value="1" />
                    <button type="button" class="add-to-cart-button">Add to cart</button>
                    @await Component.InvokeAsync(typeof(Nop.Plugin.Misc.Gameball.Components.PointsPreviewViewComponent), new { widgetZone = "productdetails_overview_bottom", additionalData = Model })
                </div>
            </form>
        </body>
        </html>
        """;

    // nopCommerce's admin layout, reduced to what the plugin's admin pages need from it: jQuery, DataTables and
    // moment (the versions nopCommerce 4.90 ships, from DemoAssets) and two helpers of its admin.common.js
    private const string AdminLayout = """
        <!DOCTYPE html>
        <html lang="en">
        <head><meta charset="utf-8" /><title>@ViewBag.PageTitle</title>
        <script src="/lib_npm/jquery/dist/jquery.min.js"></script>
        <script src="/lib_npm/datatables.net/js/dataTables.min.js"></script>
        <script src="/lib_npm/moment/min/moment-with-locales.min.js"></script>
        <script>
            function addAntiForgeryToken(data) {
                data = data || {};
                var token = document.querySelector('input[name=__RequestVerificationToken]');
                if (token) data.__RequestVerificationToken = token.value;
                return data;
            }
            function escapeHtml(value) {
                return value == null ? '' : String(value).replace(/[&<>"']/g, function (c) { return '&#' + c.charCodeAt(0) + ';'; });
            }
        </script>
        <style>body{font-family:sans-serif;margin:2em} table{border-collapse:collapse} td,th{border:1px solid #ccc;padding:.3em .6em;text-align:left}
        .float-right{margin:.5em 0} .row{display:flex;flex-wrap:wrap;gap:1em;margin-bottom:.6em} .form-group{display:flex;gap:.5em;align-items:center}
        .badge{padding:.1em .5em;border-radius:3px;color:#fff;background:#777} .badge-success{background:#1a7f37} .badge-danger{background:#b42318} .badge-warning{background:#b7791f}
        .dt-paging button{margin:0 .2em} .dt-info{margin:.5em 0} .card{border:1px solid #ddd;border-radius:4px;margin-bottom:1em;padding:.8em 1em}</style></head>
        <body>@RenderBody()</body>
        </html>
        """;

    // nopCommerce's plugin configuration layout, reduced to its frame
    private const string ConfigurePluginLayout = """
        <!DOCTYPE html>
        <html lang="en">
        <head><meta charset="utf-8" /><title>Configure - Gameball loyalty and cashback</title>
        <style>body{font-family:sans-serif;margin:2em;max-width:900px} .card{border:1px solid #ddd;border-radius:4px;margin-bottom:1em} .card-header{background:#f4f4f4;padding:.5em 1em;font-weight:bold} .card-body{padding:.8em 1em} .form-group{display:flex;margin-bottom:.5em} .col-md-3{width:35%} .col-md-9{width:65%} .form-control{width:95%} .form-text{font-size:.85em;color:#555} .text-success{color:#1a7f37} .text-danger{color:#b42318} .field-validation-error{color:#b42318}</style></head>
        <body>
            <h1>Configure - Gameball loyalty and cashback</h1>
            <section class="content"><div class="container-fluid"><div class="form-horizontal">@RenderBody()</div></div></section>
        </body>
        </html>
        """;

    // the order summary of nopCommerce's cart page, with the zone the plugin renders in just before the totals
    private const string CartPage = """
        @model Nop.Web.Models.ShoppingCart.ShoppingCartModel
        <!DOCTYPE html>
        <html lang="en">
        <head><meta charset="utf-8" /><title>Shopping cart</title>
        <style>body{font-family:sans-serif;margin:2em} .gameball-points-preview{margin:1em 0;padding:.6em 1em;background:#f3efff;border-left:4px solid #6a3fd1;color:#3a2380}</style></head>
        <body>
            <h1>Shopping cart</h1>
            <div class="order-summary-content">
                <table class="cart"><tr><td>Leather weekender bag</td><td>1</td><td>$110.00</td></tr><tr><td>Mug</td><td>2</td><td>$27.50</td></tr></table>
                <div class="totals">
                    @await Component.InvokeAsync(typeof(Nop.Plugin.Misc.Gameball.Components.PointsPreviewViewComponent), new { widgetZone = "order_summary_totals", additionalData = Model })
                    <div class="total-info">Total: $137.50</div>
                </div>
            </div>
        </body>
        </html>
        """;

    // the admin customer page's cards area, where nopCommerce renders AdminWidgetZones.CustomerDetailsBlock
    private const string AdminCustomerPage = """
        @model Nop.Web.Areas.Admin.Models.Customers.CustomerModel
        <!DOCTYPE html>
        <html lang="en">
        <head><meta charset="utf-8" /><title>Edit customer details - @Model.Email</title>
        <style>body{font-family:sans-serif;margin:2em} .card{border:1px solid #ccc;border-radius:4px;max-width:640px} .card-header{background:#f4f4f4;padding:.6em 1em;font-weight:bold} .card-body{padding:1em} .form-group{margin-bottom:.8em} .text-success{color:#1a7f37} .text-danger{color:#b42318}</style></head>
        <body>
            <h1>Edit customer details - @Model.Email</h1>
            <div id="customer-cards">
                @await Component.InvokeAsync(typeof(Nop.Plugin.Misc.Gameball.Components.GameballCustomerCardViewComponent), new { widgetZone = "admin_customer_details_block", additionalData = Model })
            </div>
        </body>
        </html>
        """;

    private static void CopyDirectory(string from, string to)
    {
        Directory.CreateDirectory(to);
        foreach (var file in Directory.GetFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }
}

/// <summary>The demo store's own pages.</summary>
public class DemoStorefrontController : Controller
{
    private readonly InMemoryNopStore _store;

    public DemoStorefrontController(InMemoryNopStore store)
    {
        _store = store;
    }

    public IActionResult Product(int id)
    {
        var product = _store.Products.FirstOrDefault(p => p.Id == id);
        return product is null ? NotFound() : View("~/Views/Demo/Product.cshtml", new ProductDetailsModel { Id = product.Id, Name = product.Name });
    }

    public IActionResult Cart() => View("~/Views/Demo/Cart.cshtml", new Nop.Web.Models.ShoppingCart.ShoppingCartModel { IsEditable = true });

    public IActionResult Customer(int id)
    {
        var customer = _store.Customers.FirstOrDefault(c => c.Id == id);
        return customer is null ? NotFound() : View("~/Views/Demo/Customer.cshtml", new Nop.Web.Areas.Admin.Models.Customers.CustomerModel { Id = customer.Id, Email = customer.Email });
    }
}
