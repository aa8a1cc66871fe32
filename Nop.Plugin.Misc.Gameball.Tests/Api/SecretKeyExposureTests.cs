using Nop.Plugin.Misc.Gameball.FakeGameball;
using Nop.Plugin.Misc.Gameball.Services.Api;
using Nop.Plugin.Misc.Gameball.Tests.Support;

namespace Nop.Plugin.Misc.Gameball.Tests.Api;

/// <summary>
/// The secret key goes to Gameball in a header and nowhere else: not into a log line (the plugin's or
/// HttpClient's), an exception message, an exception's ToString, or the credentials' ToString.
/// </summary>
[TestFixture]
public class SecretKeyExposureTests
{
    [Test]
    public async Task SecretNeverAppearsInLogsOrExceptionsWhateverHappens()
    {
        await using var host = await GameballTestHost.StartAsync();
        var secret = host.Fake.SecretKey;
        var exceptions = new List<Exception>();
        var faults = new[] { FaultKind.ServerError, FaultKind.TooManyRequests, FaultKind.Hang, FaultKind.ConnectionReset, FaultKind.MalformedJson, FaultKind.HtmlBody };

        await host.Client.TrackOrderAsync(host.Credentials, SampleRequests.Order("3000"), host.FastRetries(), CancellationToken.None);
        for (var i = 0; i < faults.Length; i++)
        {
            host.Fake.Faults.Next(new Fault(faults[i]));
            try
            {
                await host.Client.TrackOrderAsync(host.Credentials, SampleRequests.Order($"300{i + 1}"), host.FastRetries(maxRetries: 0, timeoutMs: 300), CancellationToken.None);
            }
            catch (Exception e)
            {
                exceptions.Add(e);
            }
        }

        // a wrong secret: Gameball's answer must not carry the one we sent either
        host.Settings.SecretKey = secret + "-wrong";
        try
        {
            await host.Client.CheckConnectionAsync(host.Credentials, host.FastRetries(), CancellationToken.None);
        }
        catch (Exception e)
        {
            exceptions.Add(e);
        }

        exceptions.Should().HaveCount(faults.Length + 1);
        host.Logs.Lines.Should().NotBeEmpty();
        host.Logs.Lines.Should().Contain(l => l.Contains("System.Net.Http.HttpClient", StringComparison.Ordinal), "HttpClient's own logging is captured too");
        host.Logs.Lines.Should().NotContain(l => l.Contains(secret, StringComparison.Ordinal));
        exceptions.Should().NotContain(e => e.ToString().Contains(secret, StringComparison.Ordinal));
        host.Credentials.ToString().Should().NotContain(secret).And.Contain("***");
    }

    [Test]
    public void AnUpstreamMessageEchoingTheSecretIsScrubbed()
    {
        const string secret = "gb_secret_echo_123456";

        var error = GameballErrorClassifier.Classify(GameballOperation.TrackOrder, System.Net.HttpStatusCode.Unauthorized,
            $$"""{"code":1001,"type":"AUTHENTICATION_ERROR","message":"secret {{secret}} is not valid"}""", null, secret);

        error.Message.Should().NotContain(secret).And.Contain("***");
        error.Kind.Should().Be(GameballErrorKind.InvalidSecretKey);
    }
}
