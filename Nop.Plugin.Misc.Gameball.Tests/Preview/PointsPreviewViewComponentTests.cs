using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Routing;
using Microsoft.AspNetCore.Mvc.ViewComponents;
using Microsoft.AspNetCore.Routing;
using Nop.Plugin.Misc.Gameball.Components;
using Nop.Plugin.Misc.Gameball.Models;
using Nop.Plugin.Misc.Gameball.Services;
using Nop.Web.Models.Catalog;
using Nop.Web.Models.ShoppingCart;

namespace Nop.Plugin.Misc.Gameball.Tests.Preview;

/// <summary>
/// The widget renders a hidden placeholder with what the script needs, and nothing at all when the
/// preview is off or the plugin is not configured. It never calls Gameball (it has no way to).
/// </summary>
[TestFixture]
public class PointsPreviewViewComponentTests
{
    private static GameballSettings Configured(Action<GameballSettings>? change = null)
    {
        var settings = GameballPlugin.CreateDefaultSettings();
        settings.ApiKey = "key";
        settings.SecretKey = "secret";
        change?.Invoke(settings);
        return settings;
    }

    private static IViewComponentResult Render(GameballSettings settings, object additionalData, string zone = "productdetails_overview_bottom")
    {
        var url = new Mock<IUrlHelper>();
        url.Setup(u => u.RouteUrl(It.IsAny<UrlRouteContext>())).Returns((UrlRouteContext c) => "/route/" + c.RouteName + (new RouteValueDictionary(c.Values).TryGetValue("v", out var v) ? "?v=" + v : string.Empty));
        url.Setup(u => u.Content(It.IsAny<string>())).Returns((string path) => "/store" + path[1..]);
        var component = new PointsPreviewViewComponent(settings) { Url = url.Object };
        return component.Invoke(zone, additionalData);
    }

    private static PointsPreviewModel ModelOf(IViewComponentResult result)
    {
        var view = result.Should().BeOfType<ViewViewComponentResult>().Subject;
        view.ViewName.Should().Be("~/Plugins/Misc.Gameball/Views/PointsPreview.cshtml");
        return view.ViewData!.Model.Should().BeOfType<PointsPreviewModel>().Subject;
    }

    [Test]
    public void AProductPageGetsAPlaceholderForItsProduct()
    {
        var model = ModelOf(Render(Configured(), new ProductDetailsModel { Id = 55 }));

        model.Kind.Should().Be("product");
        model.ProductIds.Should().Equal(55);
        model.EndpointUrl.Should().Be("/route/Plugin.Misc.Gameball.ProductPointsPreview");
        // cached for a day, so the address carries the plugin version
        model.ScriptUrl.Should().Be("/route/Plugin.Misc.Gameball.PreviewScript?v=" + typeof(GameballPlugin).Assembly.GetName().Version);
        // a static file of the plugin folder, with the plugin's version against year-long static file caching
        model.StylesUrl.Should().Be("/store/Plugins/Misc.Gameball/Content/points-preview.css?v=" + typeof(GameballPlugin).Assembly.GetName().Version);
    }

    [Test]
    public void AGroupedProductGetsAPlaceholderPerAssociatedProduct()
    {
        var grouped = new ProductDetailsModel { Id = 10, AssociatedProducts = [new ProductDetailsModel { Id = 11 }, new ProductDetailsModel { Id = 12 }] };

        ModelOf(Render(Configured(), grouped)).ProductIds.Should().Equal(11, 12);
    }

    [Test]
    public void TheCartGetsAPlaceholderForTheOrder()
    {
        var model = ModelOf(Render(Configured(), new ShoppingCartModel { IsEditable = true }, "order_summary_totals"));

        model.Kind.Should().Be("cart");
        model.EndpointUrl.Should().Be("/route/Plugin.Misc.Gameball.CartPointsPreview");
        model.StylesUrl.Should().StartWith("/store/Plugins/Misc.Gameball/Content/points-preview.css?v=");
    }

    [Test]
    public void NothingRendersWhenThePreviewIsOffOrTheKeysAreMissing()
    {
        Render(Configured(s => s.EnableProductPreview = false), new ProductDetailsModel { Id = 1 }).Should().BeOfType<ContentViewComponentResult>().Which.Content.Should().BeEmpty();
        Render(Configured(s => s.EnableCartPreview = false), new ShoppingCartModel()).Should().BeOfType<ContentViewComponentResult>().Which.Content.Should().BeEmpty();
        Render(Configured(s => s.SecretKey = null), new ProductDetailsModel { Id = 1 }).Should().BeOfType<ContentViewComponentResult>().Which.Content.Should().BeEmpty();
        Render(Configured(), "not a model the plugin knows").Should().BeOfType<ContentViewComponentResult>();
    }

    [Test]
    public async Task ThePluginRendersInTheConfiguredProductZoneAndTheOrderSummary()
    {
        var zones = new GameballWidgetZones(Configured(s => s.ProductPreviewWidgetZone = "productdetails_essential_bottom"));

        (await zones.GetZonesAsync()).Should().Equal("productdetails_essential_bottom", "order_summary_totals", "order_summary_cart_footer", "body_end_html_tag_before", "admin_order_details_block", "admin_customer_details_block");
        zones.GetViewComponent("order_summary_cart_footer").Should().Be<PointsRedemptionViewComponent>();
        zones.GetViewComponent("body_end_html_tag_before").Should().Be<GameballWidgetViewComponent>();
        zones.GetViewComponent("order_summary_totals").Should().Be<PointsPreviewViewComponent>();
        zones.GetViewComponent("productdetails_essential_bottom").Should().Be<PointsPreviewViewComponent>();
        zones.GetViewComponent("admin_order_details_block").Should().Be<GameballOrderCardViewComponent>();
        zones.GetViewComponent("admin_customer_details_block").Should().Be<GameballCustomerCardViewComponent>();
    }

    [Test]
    public void ThePlaceholderViewShipsWithThePlugin()
    {
        var view = File.ReadAllText(Path.Combine(TestPaths.PluginFolder, "Views", "PointsPreview.cshtml"));

        view.Should().Contain("data-gameball-preview").And.Contain("hidden").And.Contain("Model.ScriptUrl").And.Contain("Model.StylesUrl")
            .And.Contain("role=\"status\"");
    }
}
