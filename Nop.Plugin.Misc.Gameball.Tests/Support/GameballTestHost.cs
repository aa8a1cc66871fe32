using Microsoft.Extensions.DependencyInjection;
using Nop.Plugin.Misc.Gameball.FakeGameball;
using Nop.Plugin.Misc.Gameball.Services.Api;

namespace Nop.Plugin.Misc.Gameball.Tests.Support;

/// <summary>
/// The plugin's own service registrations (NopStartup) around a fake Gameball on loopback, with every
/// log line captured.
/// </summary>
public sealed class GameballTestHost : IAsyncDisposable
{
    private readonly ServiceProvider _services;

    private GameballTestHost(FakeGameballServer fake, ServiceProvider services, CapturingLoggerProvider logs)
    {
        Fake = fake;
        _services = services;
        Logs = logs;
    }

    public FakeGameballServer Fake { get; }

    public CapturingLoggerProvider Logs { get; }

    public GameballSettings Settings { get; private set; } = null!;

    public GameballCredentials Credentials => GameballCredentials.FromSettings(Settings);

    public IGameballApiClient Client => _services.GetRequiredService<IGameballApiClient>();

    public GameballCallPolicy Background => GameballCallPolicy.Background(Settings);

    public static async Task<GameballTestHost> StartAsync(GameballRateLimits? limits = null, Action<GameballSettings>? configure = null)
    {
        var fake = await FakeGameballServer.StartAsync();
        var logs = new CapturingLoggerProvider();
        var host = new GameballTestHost(fake, PluginServices.Build(null, limits, logs: logs), logs);
        host.Settings = GameballPlugin.CreateDefaultSettings();
        host.Settings.ApiBaseUrl = fake.BaseUrl;
        host.Settings.ApiKey = fake.ApiKey;
        host.Settings.SecretKey = fake.SecretKey;
        host.Settings.RequestTimeout = 5;
        configure?.Invoke(host.Settings);
        return host;
    }

    /// <summary>A background policy with short delays, so retry tests do not wait long.</summary>
    public GameballCallPolicy FastRetries(int maxRetries = 2, int timeoutMs = 2000) => new(TimeSpan.FromMilliseconds(timeoutMs), maxRetries, TimeSpan.FromMilliseconds(20));

    public async ValueTask DisposeAsync()
    {
        await _services.DisposeAsync();
        await Fake.DisposeAsync();
    }
}
