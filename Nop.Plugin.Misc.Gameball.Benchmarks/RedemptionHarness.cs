using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Nop.Core.Domain.Customers;
using Nop.Core.Domain.Orders;
using Nop.Core.Events;
using Nop.Plugin.Misc.Gameball.Services.Api;
using Nop.Plugin.Misc.Gameball.Services.Cashback;
using Nop.Plugin.Misc.Gameball.Services.Orders;
using Nop.Plugin.Misc.Gameball.Services.Outbox;
using Nop.Plugin.Misc.Gameball.Services.Redemption;

namespace Nop.Plugin.Misc.Gameball.Benchmarks;

/// <summary>
/// The request paths of paying with points (issue 15): the box's state after the page loads, applying points,
/// the check both checkouts' confirm POSTs make, and the cart-change consumer every add to cart runs. The plugin's
/// services over the in-memory store and the fake Gameball on loopback, a new DI scope per call.
/// </summary>
public static class RedemptionHarness
{
    private static readonly CultureInfo _c = CultureInfo.InvariantCulture;

    // wide enough that the rate limiter never waits: the rows without "real limits" measure the plugin and the HTTP round trip
    private static readonly GameballRateLimits _unlimited = new(Enum.GetValues<GameballRateBucket>()
        .ToDictionary(b => b, _ => new GameballBucketLimit(100_000, TimeSpan.FromSeconds(1), 1_000_000, TimeSpan.FromSeconds(30))));

    public static async Task RunAsync(BenchmarkReport report)
    {
        var rows = new List<string>();
        await using (var host = await StartAsync(_unlimited))
        {
            var shopper = Shopper(host, "measured@example.test");
            var settings = host.Store.SettingsOf(1);
            var store = host.Store.Stores[0];

            Console.WriteLine("redemption: balance baseline…");
            var credentials = GameballCredentials.FromSettings(settings);
            var policy = GameballCallPolicy.Interactive(settings);
            var customerId = GameballIdentifiers.CustomerId(shopper);
            rows.Add(Row("Baseline: one `GET /customers/{id}/balance` through the API client", await MeasureAsync(300, async () =>
            {
                await using var scope = host.Services.CreateAsyncScope();
                await scope.ServiceProvider.GetRequiredService<IGameballApiClient>().GetCustomerBalanceAsync(credentials, customerId, policy, CancellationToken.None);
            })));

            Console.WriteLine("redemption: box state without a hold…");
            rows.Add(Row("Box state, no hold (balance, cached rules, cart)", await MeasureAsync(300, () => WithServiceAsync(host, s => s.GetStateAsync(settings, store, shopper, CancellationToken.None)))));

            Console.WriteLine("redemption: a hold in place…");
            await WithServiceAsync(host, s => s.ApplyAsync(settings, store, shopper, 300, CancellationToken.None));
            rows.Add(Row("Box state, hold active (plus the reconcile under the customer's lock)", await MeasureAsync(300, () => WithServiceAsync(host, s => s.GetStateAsync(settings, store, shopper, CancellationToken.None)))));
            rows.Add(Row("Confirm check, hold active (`GET /transactions/hold/{ref}` under the customer's lock)", await MeasureAsync(300, () => WithServiceAsync(host, s => s.CheckBeforePlacingAsync(settings, store, shopper, CancellationToken.None)))));

            Console.WriteLine("redemption: apply…");
            // other points each time: a new hold, a new gift card, the old hold released through the outbox
            var changer = Shopper(host, "changer@example.test");
            var points = 300L;
            rows.Add(Row("Apply, replacing the hold in place (`POST /transactions/hold`, a gift card, the old hold's release queued)",
                await MeasureAsync(100, () => WithServiceAsync(host, s => s.ApplyAsync(settings, store, changer, points++ % 2 == 0 ? 300 : 310, CancellationToken.None)))));
            // the dispatcher's pass for the customer: the queued releases go out, ended holds beyond the last 30 are dropped
            await using (var scope = host.Services.CreateAsyncScope())
                await scope.ServiceProvider.GetRequiredService<OutboxProcessor>().ProcessAsync(CustomerOutboxSource.Address(changer.Id), true, CancellationToken.None);
            Console.WriteLine($"redemption: {host.Fake.Ledger.Releases.Count} releases sent, {host.Store.Attribute(changer, RedemptionStore.HoldsKey)?.Length} characters of holds kept");
            rows.Add(Row("Box state after those 120 replacements, released by the dispatcher (30 ended holds kept)", await MeasureAsync(300, () => WithServiceAsync(host, s => s.GetStateAsync(settings, store, changer, CancellationToken.None)))));
            rows.Add(Row("Confirm check after those 120 replacements", await MeasureAsync(300, () => WithServiceAsync(host, s => s.CheckBeforePlacingAsync(settings, store, changer, CancellationToken.None)))));

            Console.WriteLine("redemption: cart-change consumer…");
            var noHold = Shopper(host, "browsing@example.test");
            var item = host.Store.Cart.First(i => i.CustomerId == noHold.Id);
            rows.Add(Row("Cart-change consumer, customer without a hold (every add to cart; one attribute read)", await MeasureAsync(5_000, async () =>
            {
                await using var scope = host.Services.CreateAsyncScope();
                await ActivatorUtilities.CreateInstance<RedemptionEventConsumer>(scope.ServiceProvider).HandleEventAsync(new EntityUpdatedEvent<ShoppingCartItem>(item));
            }, warmUp: 200)));
        }

        // Gameball's documented limits: the Transactions bucket (30/s, 360/30 s, each permit held 0.5 s past its window)
        // is shared by holds, checks, burns, releases and refunds of the whole workspace
        string paced;
        await using (var host = await StartAsync(GameballRateLimits.Documented))
        {
            var shopper = Shopper(host, "paced@example.test");
            var settings = host.Store.SettingsOf(1);
            var store = host.Store.Stores[0];
            await WithServiceAsync(host, s => s.ApplyAsync(settings, store, shopper, 300, CancellationToken.None));
            Console.WriteLine("redemption: confirm checks at Gameball's real limits…");
            var slow = await MeasureAsync(150, () => WithServiceAsync(host, s => s.CheckBeforePlacingAsync(settings, store, shopper, CancellationToken.None)), perSecond: 15);
            var fast = await MeasureAsync(150, () => WithServiceAsync(host, s => s.CheckBeforePlacingAsync(settings, store, shopper, CancellationToken.None)), perSecond: 25);
            paced = string.Join('\n',
                Row("Confirm check at the real limits, 15 confirms/s", slow),
                Row("Confirm check at the real limits, 25 confirms/s (above what the bucket allows)", fast));
        }

        report.Add("Pay with points: request paths (load harness)", $"""
            `RedemptionService` and `RedemptionEventConsumer` over the in-memory store (Moq-backed nopCommerce services) and the fake Gameball on
            loopback, a new DI scope per call, calls one after another after 20 warm-up calls. The first rows run with a rate limiter too wide to
            wait; the last two at Gameball's documented limits, paced. The pages themselves render only a placeholder: these are the box's
            request after load, the apply button, and the filter on both checkouts' confirm POSTs.

            | Path | p50 | p99 | max | n |
            |---|---:|---:|---:|---:|
            {string.Join('\n', rows)}
            {paced}

            The box's state costs about one Gameball read. Apply is one Transactions call (the hold) and a gift card; the old hold's release is queued for the dispatcher.
            The confirm check's cost is its hold read; at Gameball's limits a store confirming more orders with points than the
            Transactions bucket allows (with every other burn, release and refund of the workspace) waits at confirm for a permit.
            """);
    }

    private static async Task<BenchmarkHost> StartAsync(GameballRateLimits limits) =>
        await BenchmarkHost.StartAsync(limits, s => s.EnableRedemption = true);

    private static Customer Shopper(BenchmarkHost host, string email)
    {
        var shopper = host.Store.AddCustomer(email);
        shopper.RegisteredInStoreId = 1;
        shopper.CustomerGuid = Guid.NewGuid();
        host.Fake.Ledger.GrantPoints(GameballIdentifiers.CustomerId(shopper), 1_000_000);
        // two bags, $110.00 with tax
        host.Store.AddToCart(shopper, host.Store.AddProduct("Canvas tote bag " + email, 50m), 2);
        host.Store.CurrentCustomer = shopper;
        return shopper;
    }

    private static async Task WithServiceAsync<T>(BenchmarkHost host, Func<RedemptionService, Task<T>> use)
    {
        await using var scope = host.Services.CreateAsyncScope();
        await use(scope.ServiceProvider.GetRequiredService<RedemptionService>());
    }

    private static async Task<List<long>> MeasureAsync(int count, Func<Task> call, int warmUp = 20, int perSecond = 0)
    {
        var ticks = new List<long>(count);
        var started = Stopwatch.GetTimestamp();
        // the warm-up keeps the pace too: a burst before the paced calls would fill the rate limiter's window
        for (var i = 0; i < warmUp + count; i++)
        {
            if (perSecond > 0)
            {
                var due = started + (long)(i * (double)Stopwatch.Frequency / perSecond);
                var wait = Stopwatch.GetElapsedTime(Stopwatch.GetTimestamp(), due);
                if (wait > TimeSpan.Zero)
                    await Task.Delay(wait);
            }

            var start = Stopwatch.GetTimestamp();
            await call();
            if (i >= warmUp)
                ticks.Add(Stopwatch.GetTimestamp() - start);
        }

        return ticks;
    }

    private static string Row(string path, List<long> ticks)
    {
        ticks.Sort();
        static string Ms(long t) => (t * 1000.0 / Stopwatch.Frequency).ToString(t * 1000.0 / Stopwatch.Frequency < 0.1 ? "0.000" : "0.00", _c) + " ms";
        return $"| {path} | {Ms(ticks[ticks.Count / 2])} | {Ms(ticks[(int)(ticks.Count * 0.99)])} | {Ms(ticks[^1])} | {ticks.Count.ToString("N0", _c)} |";
    }
}
