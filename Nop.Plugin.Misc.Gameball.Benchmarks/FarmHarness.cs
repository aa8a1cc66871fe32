using System.Diagnostics;
using System.Globalization;
using Nop.Plugin.Misc.Gameball.FakeGameball;
using Nop.Plugin.Misc.Gameball.Services.Api;
using Nop.Plugin.Misc.Gameball.Services.WebFarm;
using Nop.Plugin.Misc.Gameball.Tests.Support;

namespace Nop.Plugin.Misc.Gameball.Benchmarks;

/// <summary>
/// Issue 17's figures: a backlog drained by three nodes of a web farm under Gameball's real limits (against
/// the 12 orders/s the limits allow, whatever the number of nodes), and what a permit of the rate limiter costs.
/// </summary>
public static class FarmHarness
{
    private static readonly CultureInfo _c = CultureInfo.InvariantCulture;

    public static async Task RunAsync(BenchmarkReport report)
    {
        await PermitAsync(report);
        await DrainAsync(report, nodes: 3, orders: 1_500);
    }

    private static async Task PermitAsync(BenchmarkReport report)
    {
        Console.WriteLine("rate limiter permit…");
        var roomy = new GameballRateLimits(Enum.GetValues<GameballRateBucket>().ToDictionary(b => b, _ => new GameballBucketLimit(1_000_000, TimeSpan.FromSeconds(1), 1_000_000, TimeSpan.FromSeconds(30))));
        var membership = new WebFarmMembership(WebFarmTiming.Default, TimeProvider.System);
        using var limiter = new GameballRateLimiter(roomy, membership, TimeProvider.System);
        var credentials = new GameballCredentials("https://api.gameball.co", "v4.0", "bench-key", "bench-secret");
        var ticks = new List<long>(200_000);
        for (var i = 0; i < 200_000; i++)
        {
            var start = Stopwatch.GetTimestamp();
            await limiter.WaitForPermitAsync(credentials, GameballRateBucket.CashbackCalculation, CancellationToken.None);
            ticks.Add(Stopwatch.GetTimestamp() - start);
        }

        ticks.RemoveRange(0, 100_000);
        ticks.Sort();
        double Micro(long t) => t * 1_000_000.0 / Stopwatch.Frequency;
        report.Add("Rate limiter: one permit when the bucket has room (after 100,000 warm-up calls, over 100,000)", $"""
            The limiter became a log of granted permits per bucket so that a web farm node's share can change without losing what it
            already spent; every Gameball call (previews included) takes one permit.

            | p50 | p99 | max |
            |---|---|---|
            | {Micro(ticks[ticks.Count / 2]).ToString("0.00", _c)} µs | {Micro(ticks[(int)(ticks.Count * 0.99)]).ToString("0.00", _c)} µs | {Micro(ticks[^1]).ToString("0.0", _c)} µs |
            """);
    }

    private static async Task DrainAsync(BenchmarkReport report, int nodes, int orders)
    {
        Console.WriteLine($"web farm drain, {nodes} nodes, {orders} orders, real limits…");
        var fake = await FakeGameballServer.StartAsync();
        fake.RateLimits.Enforce = true;
        var store = new InMemoryNopStore { LockerReadsThenSets = true };
        store.Settings[1] = OrderSyncTestHost.SettingsFor(fake, s => s.WebFarm = true);
        store.Settings[0] = store.Settings[1];
        var product = store.AddProduct("Shirt", 20m);
        var customer = store.AddCustomer("farm@example.test");
        var backlog = Enumerable.Range(0, orders).Select(_ => store.AddPaidOrder(customer, (product, 1))).ToList();

        var watch = Stopwatch.StartNew();
        var hosts = await Task.WhenAll(Enumerable.Range(0, nodes).Select(_ => OrderSyncTestHost.StartAsync(store)));
        TimeSpan? first = null;
        var countAtWindow = 0;
        TimeSpan windowAt = default;
        while (fake.Ledger.Orders.Count < orders && watch.Elapsed < TimeSpan.FromMinutes(20))
        {
            await Task.Delay(100);
            if (first is null && fake.Ledger.Orders.Count > 0)
                first = watch.Elapsed;
            if (first is not null && countAtWindow == 0 && watch.Elapsed >= first.Value + TimeSpan.FromSeconds(30))
                (countAtWindow, windowAt) = (fake.Ledger.Orders.Count, watch.Elapsed);
        }

        watch.Stop();
        foreach (var host in hosts)
            await host.DisposeAsync();
        var sustained = (fake.Ledger.Orders.Count - countAtWindow) / (watch.Elapsed - windowAt).TotalSeconds;
        var overall = fake.Ledger.Orders.Count / (watch.Elapsed - first!.Value).TotalSeconds;
        var once = backlog.All(o => fake.Ledger.TrackAttempts(o.OrderGuid.ToString()) == 1);
        report.Add($"Web farm drain: {nodes} nodes, {orders:N0} orders, Gameball's real limits (load harness)", $"""
            {nodes} complete plugin instances started together over one store (nopCommerce's locker as it behaves: read, then set) and
            a backlog no node had seen; the fake enforces the order-tracking buckets (30/s, 360/30 s, 429 beyond). Each node takes a
            third of each limit; the nodes send nothing for their first 42 s (joining), then each sweeps its part of the backlog.

            | figure | value |
            |---|---|
            | first order reached Gameball after | {first.Value.TotalSeconds.ToString("0.0", _c)} s (join grace 42 s; start-up sweep at 30 s) |
            | sustained rate across the nodes after the first window | {sustained.ToString("0.00", _c)} orders/s against 12/s ({(sustained / 12 * 100).ToString("0.0", _c)} %) |
            | overall rate from the first order | {overall.ToString("0.00", _c)} orders/s |
            | 429 answers | {fake.RateLimits.Rejected} (target 0) |
            | orders in the fake's ledger | {fake.Ledger.Orders.Count:N0} of {orders:N0}, each posted exactly once: {(once ? "yes" : "NO")} |
            """);
        await fake.DisposeAsync();
    }
}
