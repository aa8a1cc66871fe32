using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.AspNetCore.Mvc.ApplicationParts;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Logging;
using Newtonsoft.Json.Serialization;
using Nop.Plugin.Misc.Gameball.FakeGameball;
using Nop.Plugin.Misc.Gameball.Infrastructure;

namespace Nop.Plugin.Misc.Gameball.Tests.Support;

/// <summary>
/// A small store on loopback that renders the plugin's widgets in product pages the way nopCommerce's
/// default theme lays them out, serves the plugin's own endpoints and script, and compiles the plugin's
/// views at run time from its output folder. nopCommerce's services come from an in-memory store; Gameball
/// is the fake.
/// </summary>
public sealed class DemoStore : IAsyncDisposable
{
    private const string LanguageCookie = "demo-language";

    private readonly WebApplication _app;
    private readonly string _root;

    private readonly System.Collections.Concurrent.ConcurrentQueue<string> _requests;

    private DemoStore(WebApplication app, string root, InMemoryNopStore store, FakeGameballServer fake, System.Collections.Concurrent.ConcurrentQueue<string> requests)
    {
        _requests = requests;
        _app = app;
        _root = root;
        Store = store;
        Fake = fake;
    }

    public InMemoryNopStore Store { get; }

    /// <summary>Where the demo serves its stand-in of Gameball's widget loader.</summary>
    public const string WidgetScriptStandIn = "/js/gameball-init.stand-in.js";

    public FakeGameballServer Fake { get; }

    public string BaseUrl { get; private set; } = string.Empty;

    /// <summary>What the demo admin's customer and order forms posted (nopCommerce's own Save).</summary>
    public DemoAdminPosts AdminPosts => _app.Services.GetRequiredService<DemoAdminPosts>();

    public IServiceProvider Services => _app.Services;

    /// <summary>How many requests the demo store received for a path ("GET /Plugins/Gameball/CartPointsPreview").</summary>
    public int RequestCount(string methodAndPath) => _requests.Count(r => string.Equals(r, methodAndPath, StringComparison.OrdinalIgnoreCase));

    public static async Task<DemoStore> StartAsync(int port = 0)
    {
        var fake = await FakeGameballServer.StartAsync();
        var store = new InMemoryNopStore();
        store.Settings[0] = OrderSyncTestHost.SettingsFor(fake);
        store.Settings[1] = store.Settings[0];
        store.CurrentCustomer = store.AddCustomer(null, registered: false);

        var root = Path.Combine(Path.GetTempPath(), "gameball-demo-" + Guid.NewGuid().ToString("N"));
        CopyDirectory(TestPaths.PluginFolder, Path.Combine(root, "Plugins", "Misc.Gameball"));
        // the demo's stand-ins for nopCommerce's pages and layouts (DemoAssets/Views, one folder per demo controller)
        CopyDirectory(Path.Combine(TestPaths.DemoAssets, "Views"), Path.Combine(root, "Views"));
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
        builder.Services.AddSingleton<DemoAdminPosts>();
        store.AddNopServices(builder.Services);
        // no internet: the widget's page loads a stand-in of Gameball's loader from the demo (DemoAssets/wwwroot/js)
        builder.Services.AddSingleton(new Services.Widget.GameballWidgetScript(WidgetScriptStandIn));
        new NopStartup().ConfigureServices(builder.Services, builder.Configuration);
        // nopCommerce registers every ISettings class, loaded for the current store
        builder.Services.AddScoped(_ => store.SettingsOf(store.CurrentStoreId));

        var app = builder.Build();
        app.UseDeveloperExceptionPage();
        var requests = new System.Collections.Concurrent.ConcurrentQueue<string>();
        app.Use((context, next) =>
        {
            requests.Enqueue(context.Request.Method + " " + context.Request.Path);
            return next(context);
        });
        // as nopCommerce serves plugin folders (UseNopStaticFiles): /Plugins/Misc.Gameball/Content/...
        app.UseStaticFiles(new StaticFileOptions { FileProvider = new PhysicalFileProvider(Path.Combine(root, "Plugins")), RequestPath = "/Plugins" });
        // the demo storefront's theme and page scripts (DemoAssets/wwwroot)
        app.UseStaticFiles(new StaticFileOptions { FileProvider = new PhysicalFileProvider(Path.Combine(TestPaths.DemoAssets, "wwwroot")) });
        if (Directory.Exists(TestPaths.AdminScriptLibraries))
            app.UseStaticFiles(new StaticFileOptions { FileProvider = new PhysicalFileProvider(TestPaths.AdminScriptLibraries), RequestPath = "/lib_npm" });
        // as nopCommerce behind a proxy on the same machine (appsettings Hosting: UseProxy): the client's address from X-Forwarded-For
        app.UseForwardedHeaders(new ForwardedHeadersOptions { ForwardedHeaders = ForwardedHeaders.XForwardedFor });
        // the request's working language: ?lang=ar switches the demo store to Arabic (right to left, the plugin's
        // Arabic resources) and a cookie keeps it for the page's own requests, as nopCommerce keeps a customer's language; ?lang=en switches back
        app.Use((context, next) =>
        {
            var asked = context.Request.Query["lang"].ToString();
            if (asked.Length > 0)
            {
                if (asked == "ar")
                    context.Response.Cookies.Append(LanguageCookie, asked);
                else
                    context.Response.Cookies.Delete(LanguageCookie);
            }
            else
            {
                asked = context.Request.Cookies[LanguageCookie] ?? string.Empty;
            }
            var language = asked == "ar" ? InMemoryNopStore.Arabic : InMemoryNopStore.English;
            context.Items[InMemoryNopStore.LanguageItem] = language;
            // as nopCommerce's request localization: the request's culture is the working language's (dates in the grids, numbers)
            if (language.Rtl)
                System.Globalization.CultureInfo.CurrentCulture = System.Globalization.CultureInfo.CurrentUICulture = System.Globalization.CultureInfo.GetCultureInfo(language.LanguageCulture);
            return next(context);
        });
        app.UseRouting();
        new RouteProvider().RegisterRoutes(app);
        // the demo pages route themselves (attribute routes on DemoStorefrontController, DemoAdminController)
        app.MapControllers();
        app.MapControllerRoute("Areas", "{area:exists}/{controller}/{action}/{id?}");
        await app.StartAsync();

        var demo = new DemoStore(app, root, store, fake, requests);
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

    internal static void CopyDirectory(string from, string to)
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
