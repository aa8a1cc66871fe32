using Nop.Plugin.Misc.Gameball.Services.Api;
using Nop.Plugin.Misc.Gameball.Tests.Support;

namespace Nop.Plugin.Misc.Gameball.Tests.Api;

/// <summary>
/// A burst of 1,000 calls stays inside Gameball's buckets: the fake enforces the documented limits
/// and must never answer 429.
/// </summary>
[TestFixture]
public class RateLimiterTests
{
    private static async Task Burst(int calls, int concurrency, Func<int, Task> call)
    {
        using var gate = new SemaphoreSlim(concurrency);
        await Task.WhenAll(Enumerable.Range(0, calls).Select(async i =>
        {
            await gate.WaitAsync();
            try
            {
                await call(i);
            }
            finally
            {
                gate.Release();
            }
        }));
    }

    [Test]
    public async Task ABurstOfPreviewsStaysInsideTheCashbackCalculationBucket()
    {
        await using var host = await GameballTestHost.StartAsync();
        host.Fake.RateLimits.Enforce = true;
        var policy = new GameballCallPolicy(TimeSpan.FromSeconds(10), 0, TimeSpan.Zero);

        await Burst(1000, 64, i => host.Client.CalculateCashbackAsync(host.Credentials, SampleRequests.Cashback(10m + i), policy, CancellationToken.None));

        host.Fake.RateLimits.Rejected.Should().Be(0);
        host.Fake.Requests.Should().HaveCount(1000);
    }

    [Test]
    public async Task ABurstOfOrdersStaysInsideTheOrderTrackingBucketAcrossBothWindows()
    {
        // Gameball's order limits (30/s, 360 per 30 s) with every window four times shorter, on both sides:
        // 500 orders fill the long window once and spill into the next
        const double scale = 0.25;
        await using var host = await GameballTestHost.StartAsync(GameballRateLimits.Documented.WithTimeScaledBy(scale));
        host.Fake.RateLimits.Enforce = true;
        host.Fake.RateLimits.TimeScale = scale;
        var policy = new GameballCallPolicy(TimeSpan.FromSeconds(10), 0, TimeSpan.Zero);
        // the shortened windows leave no room for connection set-up and JIT, which do not shrink with them:
        // open the connections first, as a store that has been running has them open
        await Burst(64, 64, i => host.Client.CheckConnectionAsync(host.Credentials, policy, CancellationToken.None));

        await Burst(500, 64, async i =>
        {
            try
            {
                await host.Client.TrackOrderAsync(host.Credentials, SampleRequests.Order($"burst-{i}"), policy, CancellationToken.None);
            }
            catch (GameballApiException e) when (e.Kind == GameballErrorKind.RateLimited)
            {
            }
        });

        host.Fake.RateLimits.Rejected.Should().Be(0, host.Fake.RateLimits.LastRejection);
        host.Fake.Ledger.Orders.Should().HaveCount(500);
    }

    [Test]
    public async Task WithoutTheLimiterTheSameBurstEarns429s()
    {
        // proves the enforcing fake can fail the tests above: limits far above Gameball's let the burst through unthrottled
        var unthrottled = new GameballRateLimits(Enum.GetValues<GameballRateBucket>().ToDictionary(b => b, _ => new GameballBucketLimit(100_000, TimeSpan.FromSeconds(1), 100_000, TimeSpan.FromSeconds(30))));
        await using var host = await GameballTestHost.StartAsync(unthrottled);
        host.Fake.RateLimits.Enforce = true;
        var policy = new GameballCallPolicy(TimeSpan.FromSeconds(10), 0, TimeSpan.Zero);

        await Burst(200, 64, async i =>
        {
            try
            {
                await host.Client.TrackOrderAsync(host.Credentials, SampleRequests.Order($"free-{i}"), policy, CancellationToken.None);
            }
            catch (GameballApiException e) when (e.Kind == GameballErrorKind.RateLimited)
            {
            }
        });

        host.Fake.RateLimits.Rejected.Should().BePositive();
    }

    [Test]
    public async Task APreviewThatCannotGetAPermitInTimeGivesUpInsteadOfWaiting()
    {
        var tight = new GameballRateLimits(Enum.GetValues<GameballRateBucket>().ToDictionary(b => b, _ => new GameballBucketLimit(1, TimeSpan.FromSeconds(10), 1, TimeSpan.FromSeconds(30))));
        await using var host = await GameballTestHost.StartAsync(tight);
        var policy = GameballCallPolicy.Interactive(host.Settings);
        await host.Client.CalculateCashbackAsync(host.Credentials, SampleRequests.Cashback(10m), policy, CancellationToken.None);

        using var shopperWaits = new CancellationTokenSource(TimeSpan.FromMilliseconds(200));
        var call = () => host.Client.CalculateCashbackAsync(host.Credentials, SampleRequests.Cashback(11m), policy, shopperWaits.Token);

        await call.Should().ThrowAsync<OperationCanceledException>();
        host.Fake.Requests.Should().ContainSingle();
    }
}
