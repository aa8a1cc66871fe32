using System.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.DependencyInjection;
using Newtonsoft.Json.Linq;
using Nop.Plugin.Misc.Gameball.Controllers;
using Nop.Plugin.Misc.Gameball.FakeGameball;
using Nop.Plugin.Misc.Gameball.Tests.Support;

namespace Nop.Plugin.Misc.Gameball.Tests.Preview;

/// <summary>
/// The public preview endpoints against the fake Gameball: the right request for guests and customers,
/// one upstream call however many shoppers ask, a quick hidden answer when Gameball fails, and 400
/// without an upstream call for bad input or a quantity the product does not allow (binding failures and
/// the per-client limit need the HTTP pipeline: <see cref="PreviewEndpointHttpTests"/>).
/// </summary>
[TestFixture]
public class PointsPreviewEndpointTests
{
    private FakeGameballServer _fake = null!;
    private InMemoryNopStore _store = null!;
    private ServiceProvider _services = null!;
    private Nop.Core.Domain.Catalog.Product _bag = null!;

    [SetUp]
    public async Task SetUp()
    {
        _fake = await FakeGameballServer.StartAsync();
        _store = new InMemoryNopStore();
        _store.Settings[1] = OrderSyncTestHost.SettingsFor(_fake, s => s.PreviewRequestTimeoutMilliseconds = 1000);
        _bag = _store.AddProduct("Leather bag", 100m, "BAG-1");
        _store.CurrentCustomer = _store.AddCustomer(null, registered: false);
        _services = PluginServices.Build(_store);
    }

    [TearDown]
    public async Task TearDown()
    {
        await _services.DisposeAsync();
        await _fake.DisposeAsync();
    }

    private async Task<(int Status, JObject? Body)> PostProduct(int productId, int quantity = 1)
    {
        await using var scope = _services.CreateAsyncScope();
        var controller = ActivatorUtilities.CreateInstance<GameballPreviewController>(scope.ServiceProvider);
        var http = new DefaultHttpContext { RequestServices = scope.ServiceProvider };
        http.Request.Method = "POST";
        http.Request.ContentType = "application/x-www-form-urlencoded";
        http.Request.Form = new FormCollection(new Dictionary<string, Microsoft.Extensions.Primitives.StringValues>
        {
            ["productId"] = productId.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["quantity"] = quantity.ToString(System.Globalization.CultureInfo.InvariantCulture),
        });
        controller.ControllerContext = new ControllerContext { HttpContext = http };
        return Read(await controller.ProductPointsPreview(productId, quantity), http);
    }

    private async Task<(int Status, JObject? Body)> GetCart()
    {
        await using var scope = _services.CreateAsyncScope();
        var controller = ActivatorUtilities.CreateInstance<GameballPreviewController>(scope.ServiceProvider);
        var http = new DefaultHttpContext { RequestServices = scope.ServiceProvider };
        controller.ControllerContext = new ControllerContext { HttpContext = http };
        return Read(await controller.CartPointsPreview(), http);
    }

    private static (int, JObject?) Read(IActionResult result, HttpContext http) => result switch
    {
        ContentResult content => (200, JObject.Parse(content.Content!)),
        StatusCodeResult status => (status.StatusCode, null),
        _ => throw new AssertionException($"Unexpected result {result}")
    };

    [Test]
    public async Task AGuestSeesBaseRatePointsForThePriceAsShown()
    {
        var (status, body) = await PostProduct(_bag.Id, quantity: 2);

        status.Should().Be(200);
        body!["show"]!.Value<bool>().Should().BeTrue();
        body["points"]!.Value<decimal>().Should().Be(220m, "2 × 100.00 + 10% tax as the shopper sees it");
        body["text"]!.Value<string>().Should().Be("Buy this and earn 220 points");
        var sent = _fake.Requests.Should().ContainSingle().Subject;
        sent.Violations.Should().BeEmpty();
        sent.Path.Should().EndWith("/orders/cashback");
        JObject.Parse(sent.Body).ContainsKey("customerId").Should().BeFalse("a guest is asked about at base rates");
    }

    [Test]
    public async Task ARegisteredCustomerIsAskedAboutByTheirGameballId()
    {
        var customer = _store.AddCustomer("omar@example.test");
        _store.CurrentCustomer = customer;

        await PostProduct(_bag.Id);

        JObject.Parse(_fake.Requests.Single().Body)["customerId"]!.Value<string>().Should().Be(customer.CustomerGuid.ToString());
        _fake.Requests.Single().Violations.Should().BeEmpty();
    }

    [Test]
    public async Task ACacheHitMakesNoSecondUpstreamCall()
    {
        await PostProduct(_bag.Id);
        var (_, again) = await PostProduct(_bag.Id);

        again!["points"]!.Value<decimal>().Should().Be(110m);
        _fake.Requests.Should().ContainSingle();
    }

    [Test]
    public async Task FiftyConcurrentIdenticalRequestsShareOneUpstreamCall()
    {
        _fake.Faults.Next(new Fault(FaultKind.Latency, Delay: TimeSpan.FromMilliseconds(150)));

        var answers = await Task.WhenAll(Enumerable.Range(0, 50).Select(_ => PostProduct(_bag.Id)));

        answers.Should().OnlyContain(a => a.Status == 200 && a.Body!["points"]!.Value<decimal>() == 110m);
        _fake.Requests.Should().ContainSingle();
    }

    [Test]
    public async Task WhenGameballHangsThePreviewIsHiddenQuicklyAndLoggedOnce()
    {
        _fake.Faults.For(new Fault(FaultKind.Hang), TimeSpan.FromMinutes(1));
        var watch = Stopwatch.StartNew();

        var (status, body) = await PostProduct(_bag.Id);
        var (_, other) = await PostProduct(_bag.Id, quantity: 3);

        status.Should().Be(200);
        body!["show"]!.Value<bool>().Should().BeFalse();
        other!["show"]!.Value<bool>().Should().BeFalse();
        watch.Elapsed.Should().BeLessThan(TimeSpan.FromSeconds(5), "two previews each give up after the 1 s preview timeout");
        _store.NopLog.Should().ContainSingle(l => l.Contains("points previews are hidden"));
    }

    [Test]
    public async Task WhenGameballIsDownTheFailureIsRememberedBriefly()
    {
        _fake.Faults.For(new Fault(FaultKind.ServiceUnavailable), TimeSpan.FromMinutes(1));

        await PostProduct(_bag.Id);
        var (_, again) = await PostProduct(_bag.Id);

        again!["show"]!.Value<bool>().Should().BeFalse();
        _fake.Requests.Should().ContainSingle("an outage costs one call per product and period, not one per page view");
    }

    [TestCase(0, 1)]
    [TestCase(-5, 1)]
    [TestCase(1, 0)]
    [TestCase(1, 10_001)]
    [TestCase(123456, 1)]
    public async Task BadInputIsRefusedWithoutAskingGameball(int productId, int quantity)
    {
        var (status, _) = await PostProduct(productId == 1 ? _bag.Id : productId, quantity);

        status.Should().Be(400);
        _fake.Requests.Should().BeEmpty();
    }

    [TestCase(2, 400, TestName = "Below the product's minimum quantity")]
    [TestCase(3, 200, TestName = "The product's minimum quantity")]
    [TestCase(12, 200, TestName = "The product's maximum quantity")]
    [TestCase(13, 400, TestName = "Above the product's maximum quantity")]
    public async Task TheProductsMinimumAndMaximumQuantitiesApply(int quantity, int expected)
    {
        _bag.OrderMinimumQuantity = 3;
        _bag.OrderMaximumQuantity = 12;

        var (status, _) = await PostProduct(_bag.Id, quantity);

        status.Should().Be(expected);
        _fake.Requests.Should().HaveCount(expected == 200 ? 1 : 0);
    }

    [TestCase(4, 400, TestName = "Not one of the product's allowed quantities")]
    [TestCase(6, 200, TestName = "One of the product's allowed quantities")]
    [TestCase(24, 400, TestName = "An allowed quantity above the product's maximum")]
    public async Task TheProductsAllowedQuantitiesApply(int quantity, int expected)
    {
        _bag.AllowedQuantities = "3, 6,12,24, dozen";
        _bag.OrderMaximumQuantity = 12;

        var (status, _) = await PostProduct(_bag.Id, quantity);

        status.Should().Be(expected);
        _fake.Requests.Should().HaveCount(expected == 200 ? 1 : 0);
    }

    [Test]
    public async Task AnUnpublishedOrHiddenProductIsRefused()
    {
        var draft = _store.AddProduct("Draft", 10m);
        draft.Published = false;
        var otherStore = _store.AddProduct("Elsewhere", 10m);
        _store.ProductsHiddenFromStore.Add(otherStore.Id);

        (await PostProduct(draft.Id)).Status.Should().Be(400);
        (await PostProduct(otherStore.Id)).Status.Should().Be(400);
        _fake.Requests.Should().BeEmpty();
    }

    [Test]
    public async Task PreviewOffMeansNoUpstreamCall()
    {
        _store.Settings[1].EnableProductPreview = false;

        var (status, body) = await PostProduct(_bag.Id);

        status.Should().Be(200);
        body!["show"]!.Value<bool>().Should().BeFalse();
        _fake.Requests.Should().BeEmpty();
    }

    [Test]
    public async Task TheCartShowsThePointsOfTheWholeOrder()
    {
        var customer = _store.AddCustomer("cart@example.test");
        _store.CurrentCustomer = customer;
        var mug = _store.AddProduct("Mug", 12.5m, "MUG");
        _store.AddToCart(customer, _bag, 1);
        _store.AddToCart(customer, mug, 4);

        var (status, body) = await GetCart();

        status.Should().Be(200);
        body!["text"]!.Value<string>().Should().Be("You will earn 165 points with this order");
        body["value"]!.Value<string>().Should().Be("165 points", "the value cell of the totals row");
        body["note"]!.Type.Should().Be(JTokenType.Null, "no campaign adds points");
        var sent = JObject.Parse(_fake.Requests.Single().Body);
        _fake.Requests.Single().Violations.Should().BeEmpty();
        sent["totalPaid"]!.Value<decimal>().Should().Be(165m);
        sent["lineItems"]!.Should().HaveCount(2);
        sent["customerId"]!.Value<string>().Should().Be(customer.CustomerGuid.ToString());
    }

    [Test]
    public async Task AnEmptyCartShowsNothingAndAsksNothing()
    {
        var (_, body) = await GetCart();

        body!["show"]!.Value<bool>().Should().BeFalse();
        _fake.Requests.Should().BeEmpty();
    }

    [Test]
    public void TheScriptIsServedFromThePlugin()
    {
        using var scope = _services.CreateScope();
        var controller = ActivatorUtilities.CreateInstance<GameballPreviewController>(scope.ServiceProvider);

        var result = controller.Script().Should().BeOfType<FileStreamResult>().Subject;

        result.ContentType.Should().StartWith("text/javascript");
        new StreamReader(result.FileStream).ReadToEnd().Should().Contain("data-gameball-preview");
    }
}
