using Microsoft.Extensions.DependencyInjection;
using Nop.Plugin.Misc.Gameball.FakeGameball;
using Nop.Plugin.Misc.Gameball.Services.Api;
using Nop.Plugin.Misc.Gameball.Tests.Support;

namespace Nop.Plugin.Misc.Gameball.Benchmarks;

/// <summary>The plugin's own registrations over an in-memory nopCommerce and a fake Gameball on loopback.</summary>
public sealed class BenchmarkHost : IAsyncDisposable
{
    private BenchmarkHost(FakeGameballServer fake, InMemoryNopStore store, ServiceProvider services)
    {
        Fake = fake;
        Store = store;
        Services = services;
    }

    public FakeGameballServer Fake { get; }

    public InMemoryNopStore Store { get; }

    public ServiceProvider Services { get; }

    public static async Task<BenchmarkHost> StartAsync(GameballRateLimits? limits = null, Action<GameballSettings>? configure = null)
    {
        var fake = await FakeGameballServer.StartAsync();
        var store = new InMemoryNopStore();
        store.Settings[0] = OrderSyncTestHost.SettingsFor(fake, s =>
        {
            s.RequestTimeout = 30;
            s.PreviewRequestTimeoutMilliseconds = 5000;
            configure?.Invoke(s);
        });
        store.Settings[1] = store.Settings[0];
        return new BenchmarkHost(fake, store, PluginServices.Build(store, limits));
    }

    public async ValueTask DisposeAsync()
    {
        await Services.DisposeAsync();
        await Fake.DisposeAsync();
    }
}
