using System.Net;
using System.Text;
using Nop.Plugin.Misc.Gameball.Services.Preview;
using Nop.Plugin.Misc.Gameball.Tests.Support;

namespace Nop.Plugin.Misc.Gameball.Tests.Preview;

/// <summary>
/// The preview endpoints over HTTP on the demo store (routing, model binding and filters as in a store):
/// input that does not bind gets 400, and one client past the per-client limit gets 429, both without
/// an upstream call. Clients are told apart by their address as nopCommerce sees it, here through
/// X-Forwarded-For from a proxy on this machine.
/// </summary>
[TestFixture]
public class PreviewEndpointHttpTests
{
    private DemoStore _demo = null!;
    private HttpClient _http = null!;
    private Nop.Core.Domain.Catalog.Product _bag = null!;

    [SetUp]
    public async Task SetUp()
    {
        _demo = await DemoStore.StartAsync();
        _http = new HttpClient { BaseAddress = new Uri(_demo.BaseUrl) };
        _bag = _demo.Store.AddProduct("Leather bag", 100m, "BAG-1");
    }

    [TearDown]
    public async Task TearDown()
    {
        _http.Dispose();
        await _demo.DisposeAsync();
    }

    private GameballSettings Settings => _demo.Store.Settings[1];

    private int UpstreamCalls => _demo.Fake.Requests.Count;

    private async Task<HttpResponseMessage> PostProduct(string form, string? client = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/Plugins/Gameball/ProductPointsPreview")
        {
            Content = new StringContent(form, Encoding.UTF8, "application/x-www-form-urlencoded"),
        };
        if (client is not null)
            request.Headers.Add("X-Forwarded-For", client);
        return await _http.SendAsync(request);
    }

    private Task<HttpResponseMessage> PostProduct(int quantity, string? client = null) => PostProduct($"productId={_bag.Id}&quantity={quantity}", client);

    private async Task<HttpResponseMessage> GetCart(string client)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/Plugins/Gameball/CartPointsPreview");
        request.Headers.Add("X-Forwarded-For", client);
        return await _http.SendAsync(request);
    }

    [Test]
    public async Task AWellFormedRequestIsAnsweredFromGameball()
    {
        var response = await PostProduct(2);

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        (await response.Content.ReadAsStringAsync()).Should().Contain("Buy this and earn 220 points");
        UpstreamCalls.Should().Be(1);
    }

    [TestCase("productId={0}&quantity=99999999999", TestName = "Quantity overflowing an int")]
    [TestCase("productId={0}&quantity=-99999999999", TestName = "Quantity overflowing an int, negative")]
    [TestCase("productId={0}&quantity=2.5", TestName = "Quantity not a whole number")]
    [TestCase("productId={0}&quantity=abc", TestName = "Quantity not a number")]
    [TestCase("productId={0}&quantity=", TestName = "Quantity empty")]
    [TestCase("productId=99999999999&quantity=1", TestName = "Product id overflowing an int")]
    [TestCase("productId=abc&quantity=1", TestName = "Product id not a number")]
    [TestCase("quantity=1", TestName = "Product id missing")]
    [TestCase("", TestName = "Nothing at all")]
    public async Task InputThatDoesNotBindIsRefusedWithoutAskingGameball(string form)
    {
        var response = await PostProduct(string.Format(System.Globalization.CultureInfo.InvariantCulture, form, _bag.Id));

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        UpstreamCalls.Should().Be(0);
    }

    [Test]
    public async Task OneClientPastItsLimitGets429WithoutAskingGameballAndOthersAreUnaffected()
    {
        Settings.PreviewRequestsPerMinutePerClient = 3;
        const string greedy = "203.0.113.10";

        // different quantities, so that no answer comes from the preview cache
        for (var quantity = 1; quantity <= 3; quantity++)
            (await PostProduct(quantity, greedy)).StatusCode.Should().Be(HttpStatusCode.OK);
        UpstreamCalls.Should().Be(3);

        var refused = await PostProduct(4, greedy);
        refused.StatusCode.Should().Be(HttpStatusCode.TooManyRequests);
        refused.Headers.RetryAfter!.Delta.Should().BeGreaterThan(TimeSpan.Zero).And.BeLessThanOrEqualTo(PreviewClientLimiter.Window);
        refused.Headers.CacheControl!.NoStore.Should().BeTrue();
        (await GetCart(greedy)).StatusCode.Should().Be(HttpStatusCode.TooManyRequests, "the limit covers every preview endpoint");
        UpstreamCalls.Should().Be(3, "a refused client reaches neither the pricing nor Gameball");

        (await PostProduct(4, "203.0.113.11")).StatusCode.Should().Be(HttpStatusCode.OK, "another client has its own minute");
        (await GetCart("198.51.100.7")).StatusCode.Should().Be(HttpStatusCode.OK);
        UpstreamCalls.Should().Be(4);
    }

    [Test]
    public async Task AnIPv6ClientIsItsSlash64()
    {
        Settings.PreviewRequestsPerMinutePerClient = 1;

        (await PostProduct(1, "2001:db8:1:2::10")).StatusCode.Should().Be(HttpStatusCode.OK);
        (await PostProduct(2, "2001:db8:1:2:ffff::99")).StatusCode.Should().Be(HttpStatusCode.TooManyRequests, "the same /64 network");
        (await PostProduct(2, "2001:db8:1:3::10")).StatusCode.Should().Be(HttpStatusCode.OK, "another network");
    }

    [Test]
    public async Task RefusalsAreLoggedOnceWithoutSecrets()
    {
        Settings.PreviewRequestsPerMinutePerClient = 1;

        (await PostProduct(1, "203.0.113.10")).StatusCode.Should().Be(HttpStatusCode.OK);
        for (var i = 0; i < 20; i++)
            (await PostProduct(1, "203.0.113.10")).StatusCode.Should().Be(HttpStatusCode.TooManyRequests);
        (await PostProduct(1, "203.0.113.20")).StatusCode.Should().Be(HttpStatusCode.OK);
        (await PostProduct(1, "203.0.113.20")).StatusCode.Should().Be(HttpStatusCode.TooManyRequests);

        var entry = _demo.Store.NopLog.Should().ContainSingle(l => l.Contains("points previews in a minute")).Subject;
        entry.Should().NotContain(Settings.ApiKey).And.NotContain(Settings.SecretKey);
    }

    [Test]
    public async Task ZeroSwitchesTheLimitOff()
    {
        Settings.PreviewRequestsPerMinutePerClient = 0;

        for (var i = 0; i < 100; i++)
            (await PostProduct(1 + (i % 5), "203.0.113.10")).StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Test]
    public async Task ALoweredLimitAppliesAtOnce()
    {
        Settings.PreviewRequestsPerMinutePerClient = 100;
        for (var i = 0; i < 5; i++)
            (await PostProduct(1, "203.0.113.10")).StatusCode.Should().Be(HttpStatusCode.OK);

        Settings.PreviewRequestsPerMinutePerClient = 2;

        (await PostProduct(1, "203.0.113.10")).StatusCode.Should().Be(HttpStatusCode.OK);
        (await PostProduct(1, "203.0.113.10")).StatusCode.Should().Be(HttpStatusCode.OK);
        (await PostProduct(1, "203.0.113.10")).StatusCode.Should().Be(HttpStatusCode.TooManyRequests);
    }
}
