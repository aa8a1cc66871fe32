using System.Net;
using System.Text;
using Nop.Plugin.Misc.Gameball.Tests.Support;

namespace Nop.Plugin.Misc.Gameball.Tests.Preview;

/// <summary>
/// The preview endpoints over HTTP on the demo store (routing, model binding and filters as in a store):
/// input that does not bind gets 400 without an upstream call.
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

    private int UpstreamCalls => _demo.Fake.Requests.Count;

    private Task<HttpResponseMessage> PostProduct(string form) =>
        _http.PostAsync("/Plugins/Gameball/ProductPointsPreview", new StringContent(form, Encoding.UTF8, "application/x-www-form-urlencoded"));

    private Task<HttpResponseMessage> PostProduct(int quantity) => PostProduct($"productId={_bag.Id}&quantity={quantity}");

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
}
