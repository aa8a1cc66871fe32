using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Nop.Plugin.Misc.Gameball.FakeGameball;
using Nop.Plugin.Misc.Gameball.Services.Api;
using Nop.Plugin.Misc.Gameball.Services.Api.Models;
using Nop.Plugin.Misc.Gameball.Tests.Support;

namespace Nop.Plugin.Misc.Gameball.Tests.Api;

/// <summary>
/// Every way a Gameball call can fail arrives as one classified kind, retried only when that is safe
/// and useful.
/// </summary>
[TestFixture]
public class ApiClientFaultTests
{
    private GameballTestHost _host = null!;

    [SetUp]
    public async Task SetUp() => _host = await GameballTestHost.StartAsync();

    [TearDown]
    public async Task TearDown() => await _host.DisposeAsync();

    private async Task<GameballApiException> TrackFails(string orderId, GameballCallPolicy? policy = null)
    {
        var call = () => _host.Client.TrackOrderAsync(_host.Credentials, SampleRequests.Order(orderId), policy ?? _host.FastRetries(), CancellationToken.None);
        return (await call.Should().ThrowAsync<GameballApiException>()).Which;
    }

    [Test]
    public async Task WrongApiKeyIsInvalidApiKeyAndNotRetried()
    {
        _host.Settings.ApiKey = "gb_test_wrong";

        var error = await TrackFails("2001");

        error.Kind.Should().Be(GameballErrorKind.InvalidApiKey);
        error.Kind.IsConfigurationProblem().Should().BeTrue();
        error.HttpStatus.Should().Be(401);
        error.GameballCode.Should().Be(1000);
        error.RequestId.Should().NotBeNullOrEmpty();
        _host.Fake.Requests.Should().ContainSingle("a wrong key is never retried");
    }

    [Test]
    public async Task WrongSecretKeyIsInvalidSecretKey()
    {
        _host.Settings.SecretKey = "not-the-secret";

        var error = await TrackFails("2002");

        error.Kind.Should().Be(GameballErrorKind.InvalidSecretKey);
        _host.Fake.Requests.Should().ContainSingle();
    }

    [Test]
    public async Task CheckConnectionTellsWhichKeyIsWrong()
    {
        var policy = _host.FastRetries();
        _host.Settings.SecretKey = "not-the-secret";
        var badSecret = () => _host.Client.CheckConnectionAsync(_host.Credentials, policy, CancellationToken.None);
        (await badSecret.Should().ThrowAsync<GameballApiException>()).Which.Kind.Should().Be(GameballErrorKind.InvalidSecretKey);

        _host.Settings.ApiKey = "gb_test_wrong";
        var badKey = () => _host.Client.CheckConnectionAsync(_host.Credentials, policy, CancellationToken.None);
        (await badKey.Should().ThrowAsync<GameballApiException>()).Which.Kind.Should().Be(GameballErrorKind.InvalidApiKey);
    }

    [Test]
    public async Task MissingKeysFailWithoutCallingGameball()
    {
        _host.Settings.SecretKey = "";

        var error = await TrackFails("2003");

        error.Kind.Should().Be(GameballErrorKind.InvalidSecretKey);
        _host.Fake.Requests.Should().BeEmpty();
    }

    [Test]
    public async Task RequestGameballRejectsIsValidationWithTheFieldAndIsNotRetried()
    {
        var call = () => _host.Client.TrackOrderAsync(_host.Credentials, SampleRequests.Order("2004") with { Channel = "telepathy" }, _host.FastRetries(), CancellationToken.None);

        var error = (await call.Should().ThrowAsync<GameballApiException>()).Which;

        error.Kind.Should().Be(GameballErrorKind.Validation);
        error.Message.Should().Contain("/channel");
        _host.Fake.Requests.Should().ContainSingle();
        _host.Fake.Ledger.Orders.Should().BeEmpty();
    }

    [Test]
    public async Task ResendingATrackedOrderIsAlreadyApplied()
    {
        await _host.Client.TrackOrderAsync(_host.Credentials, SampleRequests.Order("2005"), _host.FastRetries(), CancellationToken.None);

        var error = await TrackFails("2005");

        error.Kind.Should().Be(GameballErrorKind.AlreadyApplied);
        error.GameballCode.Should().Be(9004);
        _host.Fake.Ledger.Orders.Should().ContainSingle();
    }

    [Test]
    public async Task RefundOfAnOrderGameballNeverSawIsNotFound()
    {
        var call = () => _host.Client.RefundAsync(_host.Credentials, new RefundRequest
        {
            CustomerId = "nop-customer-7",
            RefundTransactionId = "9999-R1",
            ReverseTransactionId = "9999",
            TransactionTime = DateTime.UtcNow,
        }, _host.FastRetries(), CancellationToken.None);

        (await call.Should().ThrowAsync<GameballApiException>()).Which.Kind.Should().Be(GameballErrorKind.NotFound);
    }

    [Test]
    public async Task AServerErrorIsRetriedAndTheOrderLandsOnce()
    {
        _host.Fake.Faults.Next(new Fault(FaultKind.ServerError), times: 1);

        var response = await _host.Client.TrackOrderAsync(_host.Credentials, SampleRequests.Order("2006"), _host.FastRetries(), CancellationToken.None);

        response.RewardedPoints.Should().Be(120);
        _host.Fake.Requests.Should().HaveCount(2);
        _host.Fake.Ledger.Orders.Should().ContainSingle();
    }

    [Test]
    public async Task ALastingOutageIsServerErrorAfterTheRetries()
    {
        _host.Fake.Faults.For(new Fault(FaultKind.ServiceUnavailable), TimeSpan.FromMinutes(1));

        var error = await TrackFails("2007", _host.FastRetries(maxRetries: 2));

        error.Kind.Should().Be(GameballErrorKind.ServerError);
        error.IsTransient.Should().BeTrue();
        error.HttpStatus.Should().Be(503);
        _host.Fake.Requests.Should().HaveCount(3);
    }

    [Test]
    public async Task TooManyRequestsIsRateLimitedAfterTheRetries()
    {
        _host.Fake.Faults.For(new Fault(FaultKind.TooManyRequests), TimeSpan.FromMinutes(1));

        var error = await TrackFails("2008", _host.FastRetries(maxRetries: 1));

        error.Kind.Should().Be(GameballErrorKind.RateLimited);
        error.RetryAfter.Should().BeNull();
        _host.Fake.Requests.Should().HaveCount(2);
    }

    [Test]
    public async Task RetryAfterIsHonoured()
    {
        _host.Fake.Faults.Next(new Fault(FaultKind.TooManyRequests, RetryAfter: TimeSpan.FromSeconds(1)));
        var watch = Stopwatch.StartNew();

        await _host.Client.TrackOrderAsync(_host.Credentials, SampleRequests.Order("2009"), _host.FastRetries(), CancellationToken.None);

        watch.Elapsed.Should().BeGreaterThanOrEqualTo(TimeSpan.FromMilliseconds(950), "the retry waits the second Gameball asked for");
        _host.Fake.Ledger.Orders.Should().ContainSingle();
    }

    [Test]
    public async Task AHangIsATimeout()
    {
        _host.Fake.Faults.Next(new Fault(FaultKind.Hang));

        var error = await TrackFails("2010", _host.FastRetries(maxRetries: 0, timeoutMs: 300));

        error.Kind.Should().Be(GameballErrorKind.Timeout);
        error.IsTransient.Should().BeTrue();
    }

    [Test]
    public async Task AcceptThenTimeoutLeavesTheOrderInGameballAndAResendIsAlreadyApplied()
    {
        _host.Fake.Faults.Next(new Fault(FaultKind.AcceptThenHang));

        var error = await TrackFails("2011", _host.FastRetries(maxRetries: 0, timeoutMs: 300));
        var transactions = await _host.Client.GetOrderTransactionsAsync(_host.Credentials, "2011", _host.FastRetries(), CancellationToken.None);
        var resend = await TrackFails("2011");

        error.Kind.Should().Be(GameballErrorKind.Timeout);
        transactions.Transactions.Should().ContainSingle(t => t.TransactionType == "PaymentReward", "the ambiguous send landed");
        resend.Kind.Should().Be(GameballErrorKind.AlreadyApplied);
        _host.Fake.Ledger.Orders.Should().ContainSingle();
    }

    [Test]
    public async Task ATimeoutRetriedWithinTheCallEndsAlreadyAppliedNotTwice()
    {
        _host.Fake.Faults.Next(new Fault(FaultKind.AcceptThenHang));

        var error = await TrackFails("2012", _host.FastRetries(maxRetries: 1, timeoutMs: 300));

        error.Kind.Should().Be(GameballErrorKind.AlreadyApplied);
        _host.Fake.Ledger.Orders.Should().ContainSingle();
        _host.Fake.Ledger.TrackAttempts("2012").Should().Be(2);
    }

    [Test]
    public async Task AConnectionResetIsUnreachable()
    {
        _host.Fake.Faults.Next(new Fault(FaultKind.ConnectionReset));

        var error = await TrackFails("2013", _host.FastRetries(maxRetries: 0));

        error.Kind.Should().Be(GameballErrorKind.Unreachable);
    }

    [Test]
    public async Task NothingListeningIsUnreachable()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        _host.Settings.ApiBaseUrl = $"http://127.0.0.1:{port}";

        var error = await TrackFails("2014", _host.FastRetries(maxRetries: 0));

        error.Kind.Should().Be(GameballErrorKind.Unreachable);
        error.Message.Should().Contain("127.0.0.1");
    }

    [Test]
    public async Task GarbageJsonIsInvalidResponse()
    {
        _host.Fake.Faults.Next(new Fault(FaultKind.MalformedJson));

        var call = () => _host.Client.CalculateCashbackAsync(_host.Credentials, SampleRequests.Cashback(10m), _host.FastRetries(maxRetries: 0), CancellationToken.None);

        var error = (await call.Should().ThrowAsync<GameballApiException>()).Which;
        error.Kind.Should().Be(GameballErrorKind.InvalidResponse);
        error.IsTransient.Should().BeTrue();
    }

    [Test]
    public async Task AnHtmlErrorPageIsAServerErrorWithAPlainMessage()
    {
        _host.Fake.Faults.Next(new Fault(FaultKind.HtmlBody));

        var error = await TrackFails("2015", _host.FastRetries(maxRetries: 0));

        error.Kind.Should().Be(GameballErrorKind.ServerError);
        error.HttpStatus.Should().Be(502);
        error.Message.Should().NotContain("<html>").And.Contain("not Gameball's JSON");
    }

    [Test]
    public async Task LatencyWithinTheTimeoutStillSucceeds()
    {
        _host.Fake.Faults.Next(new Fault(FaultKind.Latency, Delay: TimeSpan.FromMilliseconds(200)));

        var response = await _host.Client.TrackOrderAsync(_host.Credentials, SampleRequests.Order("2016"), _host.FastRetries(timeoutMs: 2000), CancellationToken.None);

        response.RewardedPoints.Should().Be(120);
    }

    [Test]
    public void AnHttpBaseUrlThatIsNotAUrlIsAClearError()
    {
        _host.Settings.ApiBaseUrl = "api.gameball.co";

        var call = () => _host.Client.TrackOrderAsync(_host.Credentials, SampleRequests.Order("2017"), _host.FastRetries(), CancellationToken.None);

        call.Should().ThrowAsync<GameballApiException>().Result.Which.Message.Should().Contain("not an absolute http(s) address");
    }

    [Test]
    public void ClassificationFollowsGameballsCodes()
    {
        GameballErrorClassifier.Kind(GameballOperation.Refund, 422, 9001).Should().Be(GameballErrorKind.AlreadyApplied);
        GameballErrorClassifier.Kind(GameballOperation.Refund, 422, 9003).Should().Be(GameballErrorKind.Validation, "a duplicate timestamp on a refund needs a person");
        GameballErrorClassifier.Kind(GameballOperation.TrackOrder, 422, 9003).Should().Be(GameballErrorKind.AlreadyApplied);
        GameballErrorClassifier.Kind(GameballOperation.UpsertCustomer, 422, 7001).Should().Be(GameballErrorKind.AlreadyApplied);
        GameballErrorClassifier.Kind(GameballOperation.TrackOrder, 422, 2001).Should().Be(GameballErrorKind.ServerError, "another request for the customer is in flight: retry");
        GameballErrorClassifier.Kind(GameballOperation.TrackOrder, 422, 6000).Should().Be(GameballErrorKind.AccountDisabled);
        GameballErrorClassifier.Kind(GameballOperation.TrackOrder, 403, 8000).Should().Be(GameballErrorKind.Forbidden);
        GameballErrorClassifier.Kind(GameballOperation.Cashback, 422, 9008).Should().Be(GameballErrorKind.Validation);
        GameballErrorClassifier.Kind(GameballOperation.TrackOrder, 400, null).Should().Be(GameballErrorKind.Validation);
        GameballErrorClassifier.Kind(GameballOperation.TrackOrder, 504, null).Should().Be(GameballErrorKind.ServerError);
    }

    [Test]
    public void TheManualTransactionErrorShapeIsReadToo()
    {
        var error = GameballErrorClassifier.Classify(GameballOperation.Cashback, HttpStatusCode.BadRequest, """{"error":400,"message":"Both points and amount were sent."}""", null, "s3cr3t");

        error.Kind.Should().Be(GameballErrorKind.Validation);
        error.Message.Should().Contain("Both points and amount were sent.");
    }
}
