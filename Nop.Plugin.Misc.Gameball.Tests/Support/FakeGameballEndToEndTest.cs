using Nop.Plugin.Misc.Gameball.FakeGameball;

namespace Nop.Plugin.Misc.Gameball.Tests.Support;

/// <summary>
/// An end-to-end fixture: a fake Gameball on loopback, an in-memory nopCommerce whose store 1 points at it, and
/// the plugin running over them (dispatcher and background workers started). A test may replace <see cref="Host"/>
/// (a restart, a crash); the one it leaves is disposed.
/// </summary>
public abstract class FakeGameballEndToEndTest
{
    protected FakeGameballServer Fake { get; private set; } = null!;

    protected InMemoryNopStore Store { get; private set; } = null!;

    protected OrderSyncTestHost Host { get; set; } = null!;

    /// <summary>Store 1's settings before the plugin starts (SettingsFor's defaults otherwise).</summary>
    protected virtual void Configure(GameballSettings settings)
    {
    }

    /// <summary>What the test's store holds before the plugin starts.</summary>
    protected virtual void Seed()
    {
    }

    [SetUp]
    public async Task StartAsync()
    {
        Fake = await FakeGameballServer.StartAsync();
        Store = new InMemoryNopStore();
        Store.Settings[1] = OrderSyncTestHost.SettingsFor(Fake, Configure);
        Seed();
        Host = await OrderSyncTestHost.StartAsync(Store);
    }

    [TearDown]
    public async Task StopAsync()
    {
        Store.CurrentHttpContext = null;
        await Host.DisposeAsync();
        await Fake.DisposeAsync();
    }
}
