using System.Diagnostics;
using Nop.Core.Domain.Orders;
using Nop.Plugin.Misc.Gameball.FakeGameball;
using Nop.Plugin.Misc.Gameball.Services.Api;
using Nop.Plugin.Misc.Gameball.Services.Orders;
using Nop.Plugin.Misc.Gameball.Services.WebFarm;
using Nop.Plugin.Misc.Gameball.Tests.Support;

namespace Nop.Plugin.Misc.Gameball.Tests.WebFarm;

/// <summary>
/// A web farm as a store owner runs it: complete plugin instances (each its own container, dispatcher,
/// limiter and heartbeat) over one shared database, nopCommerce's distributed locker as it behaves
/// (read, then set), and a Gameball that answers 429 beyond its limits. A backlog no node has seen
/// reaches Gameball exactly once, inside the limits, even when a node is killed mid-run.
/// </summary>
[TestFixture]
[NonParallelizable]
public class WebFarmDrainTests
{
    // Gameball's windows 20 times shorter on both sides (counts unchanged), so 10,000 orders drain in a minute or two
    private const double Scale = 0.05;
    private static readonly GameballRateLimits _limits = GameballRateLimits.Documented.WithTimeScaledBy(Scale).WithTransitAllowance(TimeSpan.FromMilliseconds(150));
    private static readonly WebFarmTiming _timing = WebFarmTiming.Default.WithTimeScaledBy(Scale) with { SweepInterval = TimeSpan.FromSeconds(30) };

    private FakeGameballServer _fake = null!;
    private InMemoryNopStore _store = null!;
    private readonly List<OrderSyncTestHost> _nodes = [];

    [SetUp]
    public async Task SetUp()
    {
        _fake = await FakeGameballServer.StartAsync();
        _fake.RateLimits.Enforce = true;
        _fake.RateLimits.TimeScale = Scale;
        _store = new InMemoryNopStore { LockerReadsThenSets = true };
    }

    [TearDown]
    public async Task TearDown()
    {
        foreach (var node in _nodes)
            await node.DisposeAsync();
        _nodes.Clear();
        await _fake.DisposeAsync();
    }

    private List<Order> PaidBacklog(int count, bool webFarm)
    {
        _store.Settings[1] = OrderSyncTestHost.SettingsFor(_fake, s => s.WebFarm = webFarm);
        _store.Settings[0] = _store.Settings[1];
        var product = _store.AddProduct("Shirt", 20m);
        var customer = _store.AddCustomer("farm@example.test");
        return Enumerable.Range(0, count).Select(_ => _store.AddPaidOrder(customer, (product, 1))).ToList();
    }

    private async Task StartNodesAsync(int count)
    {
        // started together, as after a deploy
        var started = await Task.WhenAll(Enumerable.Range(0, count).Select(_ => OrderSyncTestHost.StartAsync(_store, limits: _limits, farmTiming: _timing)));
        _nodes.AddRange(started);
    }

    private async Task WaitUntilAsync(Func<bool> condition, TimeSpan timeout, Func<string> because)
    {
        var watch = Stopwatch.StartNew();
        while (!condition())
        {
            if (watch.Elapsed > timeout)
                Assert.Fail($"Timed out after {timeout}: {because()}");
            await Task.Delay(100);
        }
    }

    private int Tracked => _fake.Ledger.Orders.Count;

    [Test]
    public async Task TenThousandOrdersReachGameballOnceInsideItsLimitsWhenANodeIsKilledMidRun()
    {
        var orders = PaidBacklog(10_000, webFarm: true);
        await StartNodesAsync(3);
        var watch = Stopwatch.StartNew();

        await WaitUntilAsync(() => Tracked >= 3_000, TimeSpan.FromMinutes(3), () => $"{Tracked} orders tracked");
        var victim = _nodes[0];
        victim.Kill();
        await victim.DisposeAsync();
        _nodes.Remove(victim);

        await WaitUntilAsync(() => Tracked >= orders.Count, TimeSpan.FromMinutes(5), () => $"{Tracked} of {orders.Count} orders tracked");
        var drained = watch.Elapsed;
        TestContext.Out.WriteLine($"drained in {drained.TotalSeconds:0.0} s");
        // the orders the dead node had in flight are settled by a survivor once their lock expires: probed, not sent again
        await WaitUntilAsync(() => _store.CountAttributes(a => a.KeyGroup == nameof(Order) && a.Key == OrderSyncStateStore.StatusKey && a.Value == nameof(SyncStatus.Sent)) == orders.Count,
            TimeSpan.FromMinutes(2), () => "every order acknowledged in the store");

        _fake.RateLimits.Rejected.Should().Be(0, _fake.RateLimits.LastRejection);
        orders.Where(o => _fake.Ledger.TrackAttempts(o.OrderGuid.ToString()) != 1).Select(o => o.Id).Should().BeEmpty("every order is posted exactly once");
        _fake.Requests.Where(r => r.Violations.Count > 0).Should().BeEmpty();
        TestContext.Out.WriteLine($"3 nodes, one killed: {orders.Count} orders in {drained.TotalSeconds:0.0} s = {orders.Count / drained.TotalSeconds:0.0} orders/s against a ceiling of {360 / (30 * Scale):0} orders/s");
    }

    [Test]
    public async Task WithoutTheDatabaseClaimNopCommercesLockerLetsTwoNodesPostTheSameOrder()
    {
        // proves the test above can fail: the same farm told it is a single node trusts the locker alone
        var orders = PaidBacklog(600, webFarm: false);
        _fake.RateLimits.Enforce = false;
        // a database's round trip on each read, as the nodes of the farm tried had
        _store.AttributeReadLatency = TimeSpan.FromMilliseconds(1);
        await StartNodesAsync(3);
        foreach (var node in _nodes)
            await node.SweepAsync();

        await WaitUntilAsync(() => Tracked >= orders.Count, TimeSpan.FromMinutes(2), () => $"{Tracked} of {orders.Count} orders tracked");
        await Task.Delay(TimeSpan.FromSeconds(1));

        orders.Count(o => _fake.Ledger.TrackAttempts(o.OrderGuid.ToString()) > 1).Should().BeGreaterThan(0);
    }
}
