using Nop.Plugin.Misc.Gameball.Services.Api;
using Nop.Plugin.Misc.Gameball.Services.Api.Models;
using Nop.Plugin.Misc.Gameball.Tests.Support;

namespace Nop.Plugin.Misc.Gameball.Tests.Api;

/// <summary>
/// Every client operation against the fake Gameball: the request the plugin sends validates against
/// Gameball's OpenAPI document, and Gameball's answer maps into the model.
/// </summary>
[TestFixture]
public class ApiClientContractTests
{
    private GameballTestHost _host = null!;

    [SetUp]
    public async Task SetUp() => _host = await GameballTestHost.StartAsync();

    [TearDown]
    public async Task TearDown() => await _host.DisposeAsync();

    private void EveryRequestValidatedAgainstTheSpec()
    {
        _host.Fake.Requests.Should().NotBeEmpty();
        _host.Fake.Requests.Should().OnlyContain(r => r.Violations.Count == 0 && r.HadApiKey && r.HadSecretKey,
            "each request carries both keys and a body that Gameball's schema accepts");
    }

    [Test]
    public async Task TrackOrderSendsASpecValidOrderAndReadsTheAwardedPoints()
    {
        var response = await _host.Client.TrackOrderAsync(_host.Credentials, SampleRequests.Order("1001"), _host.Background, CancellationToken.None);

        response.RewardedPoints.Should().Be(120);
        response.CustomerId.Should().Be("nop-customer-7");
        EveryRequestValidatedAgainstTheSpec();
        var sent = _host.Fake.Ledger.Orders.Should().ContainSingle().Subject.Body;
        sent["orderDate"]!.GetValue<string>().Should().Be("2026-11-20T10:15:00.250Z");
        sent["merchant"]!["name"]!.GetValue<string>().Should().Be("Café Ünïcode 商店");
        sent["lineItems"]![0]!["extra"]!["title"]!.GetValue<string>().Should().Be("Rotes T-Shirt – größe M");
        sent.ContainsKey("cartId").Should().BeFalse("unset fields are left out, not sent as null");
    }

    [Test]
    public async Task CalculateCashbackReadsTotalAndLinePoints()
    {
        var response = await _host.Client.CalculateCashbackAsync(_host.Credentials, SampleRequests.Cashback(149.99m, 2), GameballCallPolicy.Interactive(_host.Settings), CancellationToken.None);

        response.TotalPoints.Should().Be(299);
        response.LineItems.Should().ContainSingle().Which.ProductId.Should().Be("55");
        response.LineItems![0].RewardWalletFactor.Should().Be(1m);
        response.LineItems[0].CampaignName.Should().BeNull();
        EveryRequestValidatedAgainstTheSpec();
    }

    [Test]
    public async Task RewardPreviewReadsPointsAndWhetherGameballKnowsTheCustomer()
    {
        var request = new RewardPreviewRequest { CustomerId = "nop-customer-7", TotalPaid = 80m, TotalShipping = 0m, TotalTax = 0m, TotalDiscount = 0m, Channel = "web" };

        var response = await _host.Client.PreviewRewardsAsync(_host.Credentials, request, GameballCallPolicy.Interactive(_host.Settings), CancellationToken.None);

        response.TotalPoints.Should().Be(80);
        response.CustomerFound.Should().BeFalse();
        response.Cashback!.TotalPoints.Should().Be(80);
        EveryRequestValidatedAgainstTheSpec();
    }

    [Test]
    public async Task OrderTransactionsShowTheTrackedOrderWithItsTimeReadAsUtc()
    {
        await _host.Client.TrackOrderAsync(_host.Credentials, SampleRequests.Order("A/1002 ü"), _host.Background, CancellationToken.None);

        var response = await _host.Client.GetOrderTransactionsAsync(_host.Credentials, "A/1002 ü", _host.Background, CancellationToken.None);

        var transaction = response.Transactions.Should().ContainSingle().Subject;
        transaction.TransactionType.Should().Be("PaymentReward");
        transaction.TransactionId.Should().Be("A/1002 ü", "the order id travels escaped in the path");
        transaction.GameballTransactionId.Should().NotBeNullOrEmpty("a numeric id is read as text");
        transaction.TransactionDate!.Value.Kind.Should().Be(DateTimeKind.Utc, "Gameball omits the zone; the plugin reads it as UTC");
        transaction.TransactionDate.Value.Should().BeCloseTo(DateTime.UtcNow, TimeSpan.FromMinutes(1));
        response.Count.Should().Be(1);
        EveryRequestValidatedAgainstTheSpec();
    }

    [Test]
    public async Task OrderTransactionsOfAnUnknownOrderAreEmpty()
    {
        var response = await _host.Client.GetOrderTransactionsAsync(_host.Credentials, "never-sent", _host.Background, CancellationToken.None);

        response.Transactions.Should().BeEmpty();
    }

    [Test]
    public async Task PartialThenFullRefundReverseTheOrderOnce()
    {
        await _host.Client.TrackOrderAsync(_host.Credentials, SampleRequests.Order("1003", totalPaid: 100m), _host.Background, CancellationToken.None);

        var partial = await _host.Client.RefundAsync(_host.Credentials, new RefundRequest
        {
            CustomerId = "nop-customer-7",
            RefundTransactionId = "1003-R1",
            ReverseTransactionId = "1003",
            TransactionTime = DateTime.UtcNow,
            RefundAmount = 30m,
            LineItems = [new LineItem { ProductId = "23", Quantity = 1, Price = 30m }],
        }, _host.Background, CancellationToken.None);
        var rest = await _host.Client.RefundAsync(_host.Credentials, new RefundRequest
        {
            CustomerId = "nop-customer-7",
            RefundTransactionId = "1003-R2",
            ReverseTransactionId = "1003",
            TransactionTime = DateTime.UtcNow,
        }, _host.Background, CancellationToken.None);

        partial.RefundAmount.Should().Be(30m);
        partial.RefundEquivalentPoints.Should().Be(30);
        partial.GameballTransactionId.Should().NotBeNullOrEmpty();
        rest.RefundAmount.Should().Be(70m, "a refund without an amount reverses what remains");
        _host.Fake.Ledger.Refunds.Select(r => r.RefundTransactionId).Should().BeEquivalentTo("1003-R1", "1003-R2");
        EveryRequestValidatedAgainstTheSpec();
    }

    [Test]
    public async Task CashbackAwardsPointsAndReadsANumericTransactionIdAsText()
    {
        var response = await _host.Client.CashbackAsync(_host.Credentials, new CashbackRequest
        {
            CustomerId = "nop-customer-9",
            TransactionId = "manual-5a1b",
            TransactionTime = DateTime.UtcNow,
            Amount = 25.5m,
        }, _host.Background, CancellationToken.None);

        response.RewardEquivalentPoints.Should().Be(25);
        response.RewardAmount.Should().Be(25.5m);
        response.GameballTransactionId.Should().MatchRegex("^[0-9]+$");
        _host.Fake.Ledger.CashbackTransactions.Should().ContainSingle().Which.TransactionId.Should().Be("manual-5a1b");
        EveryRequestValidatedAgainstTheSpec();
    }

    [Test]
    public async Task UpsertCustomerThenBalanceReadsThePointsHeld()
    {
        var upsert = await _host.Client.UpsertCustomerAsync(_host.Credentials, new UpsertCustomerRequest
        {
            CustomerId = "nop-customer-11",
            Email = "omar@example.test",
            CustomerAttributes = new CustomerAttributes { DisplayName = "Omar Ø", FirstName = "Omar", Email = "omar@example.test", JoinDate = "2026-01-31", Channel = "web" },
        }, _host.Background, CancellationToken.None);
        await _host.Client.CashbackAsync(_host.Credentials, new CashbackRequest
        {
            CustomerId = "nop-customer-11",
            TransactionId = "manual-77",
            TransactionTime = DateTime.UtcNow,
            Amount = 40m,
        }, _host.Background, CancellationToken.None);

        var balance = await _host.Client.GetCustomerBalanceAsync(_host.Credentials, "nop-customer-11", _host.Background, CancellationToken.None);

        upsert.GameballId.Should().NotBeNullOrEmpty();
        balance.AvailablePointsBalance.Should().Be(40);
        balance.Currency.Should().Be("USD");
        balance.PointsName.Should().Be("Points");
        EveryRequestValidatedAgainstTheSpec();
    }

    [Test]
    public async Task CheckConnectionSucceedsWithValidKeysAndChangesNothing()
    {
        await _host.Client.CheckConnectionAsync(_host.Credentials, _host.Background, CancellationToken.None);

        _host.Fake.Requests.Should().ContainSingle().Which.Method.Should().Be("GET");
        _host.Fake.Ledger.Customers.Should().BeEmpty();
    }

    [Test]
    public async Task SecureModeV41CallsTheV41Routes()
    {
        _host.Settings.ApiVersion = "v4.1";

        await _host.Client.CalculateCashbackAsync(_host.Credentials, SampleRequests.Cashback(10m), _host.Background, CancellationToken.None);

        var request = _host.Fake.Requests.Should().ContainSingle().Subject;
        request.Path.Should().StartWith("/api/v4.1/integrations/");
        request.HadSecretKey.Should().BeTrue();
    }

    [Test]
    public void RequestsKeepTheSpecsFieldNames()
    {
        var json = Newtonsoft.Json.Linq.JObject.Parse(GameballJson.Serialize(SampleRequests.Order("1")));

        json.Properties().Select(p => p.Name).Should().BeEquivalentTo(
            "customerId", "email", "orderId", "orderDate", "totalPaid", "totalPrice", "totalDiscount", "totalShipping", "totalTax", "channel", "guest", "merchant", "lineItems", "extra");
        ((Newtonsoft.Json.Linq.JObject)json["lineItems"]![0]!).Properties().Select(p => p.Name).Should().BeEquivalentTo(
            "productId", "sku", "quantity", "price", "taxes", "discount", "weight", "vendor", "category", "extra");
    }

    [Test]
    public void ResponsesAreReadLeniently()
    {
        // numbers as strings, a date without zone, an unknown field
        var body = """{"totalPoints":"12.5","extraField":{"x":1},"lineItems":[{"productId":5,"totalPoints":"3","campaignEndDate":"2026-12-01T08:00:00"}]}""";

        var response = GameballJson.Deserialize<CalculateCashbackResponse>(body)!;

        response.TotalPoints.Should().Be(12.5m);
        response.LineItems![0].ProductId.Should().Be("5");
        response.LineItems[0].TotalPoints.Should().Be(3m);
        response.LineItems[0].CampaignEndDate.Should().Be(new DateTime(2026, 12, 1, 8, 0, 0, DateTimeKind.Utc));
        response.LineItems[0].CampaignEndDate!.Value.Kind.Should().Be(DateTimeKind.Utc);
    }
}
