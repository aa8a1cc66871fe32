using BenchmarkDotNet.Attributes;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Routing;
using Microsoft.Extensions.DependencyInjection;
using Moq;
using Nop.Core.Domain.Catalog;
using Nop.Core.Domain.Customers;
using Nop.Core.Domain.Stores;
using Nop.Plugin.Misc.Gameball.Components;
using Nop.Plugin.Misc.Gameball.Services.Preview;
using Nop.Web.Models.Catalog;

namespace Nop.Plugin.Misc.Gameball.Benchmarks;

/// <summary>The preview's cost on the page (the widget), on a cache hit of its endpoint's service, and of the per-client limit every endpoint request passes.</summary>
[MemoryDiagnoser]
public class PreviewBenchmarks
{
    private BenchmarkHost _host = null!;
    private PointsPreviewViewComponent _component = null!;
    private ProductDetailsModel _productModel = null!;
    private IServiceScope _scope = null!;
    private PointsPreviewService _service = null!;
    private Product _product = null!;
    private Customer _guest = null!;
    private Store _store = null!;
    private PreviewClientLimiter _limiter = null!;

    [GlobalSetup]
    public void Setup()
    {
        _host = BenchmarkHost.StartAsync().GetAwaiter().GetResult();
        var url = new Mock<IUrlHelper>();
        url.Setup(u => u.RouteUrl(It.IsAny<UrlRouteContext>())).Returns("/Plugins/Gameball/ProductPointsPreview");
        _component = new PointsPreviewViewComponent(_host.Store.Settings[0]) { Url = url.Object };
        _productModel = new ProductDetailsModel { Id = 42 };
        _product = _host.Store.AddProduct("Bag", 100m);
        _guest = _host.Store.AddCustomer(null, registered: false);
        _store = _host.Store.Stores[0];
        _scope = _host.Services.CreateScope();
        _service = _scope.ServiceProvider.GetRequiredService<PointsPreviewService>();
        _service.PreviewProductAsync(_host.Store.Settings[0], _store, _guest, _product, 1, null, CancellationToken.None).GetAwaiter().GetResult();
        _limiter = new PreviewClientLimiter();
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _scope.Dispose();
        _limiter.Dispose();
        _host.DisposeAsync().AsTask().GetAwaiter().GetResult();
    }

    [Benchmark(Description = "Widget render (placeholder view component)")]
    public IViewComponentResult WidgetRender() => _component.Invoke("productdetails_overview_bottom", _productModel);

    [Benchmark(Description = "Preview service, cache hit")]
    public Task<PointsPreview?> PreviewCacheHit() =>
        _service.PreviewProductAsync(_host.Store.Settings[0], _store, _guest, _product, 1, null, CancellationToken.None);

    // a limit no benchmark run reaches: the cost of a request that is let through
    [Benchmark(Description = "Per-client limit check, IPv4 client")]
    public bool ClientLimitIPv4() => _limiter.TryAdmit(1, "203.0.113.7", int.MaxValue, out _);

    [Benchmark(Description = "Per-client limit check, IPv6 client (its /64)")]
    public bool ClientLimitIPv6() => _limiter.TryAdmit(1, "2001:db8:85a3:8d3:1319:8a2e:370:7348", int.MaxValue, out _);
}
