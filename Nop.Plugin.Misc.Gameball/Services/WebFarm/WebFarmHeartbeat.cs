using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Nop.Core.Configuration;
using Nop.Plugin.Misc.Gameball.Services.Outbox;
using Nop.Services.Configuration;

namespace Nop.Plugin.Misc.Gameball.Services.WebFarm;

/// <summary>
/// Keeps this node's place in the web farm: finds out whether the store runs as one (nopCommerce's
/// distributed cache, or the plugin's setting), renews the node's registration and reads the others',
/// and sweeps this node's part of the outbox on its own clock (nopCommerce runs the schedule task on
/// whichever node it likes). Outside a farm it only checks, now and then, whether that changed.
/// </summary>
public sealed class WebFarmHeartbeat : BackgroundService
{
    private readonly WebFarmMembership _membership;
    private readonly IServiceScopeFactory _scopeFactory;
    private readonly ILogger<WebFarmHeartbeat> _logger;
    private readonly TimeProvider _timeProvider;

    public WebFarmHeartbeat(WebFarmMembership membership, IServiceScopeFactory scopeFactory, ILogger<WebFarmHeartbeat> logger, TimeProvider timeProvider)
    {
        _membership = membership;
        _scopeFactory = scopeFactory;
        _logger = logger;
        _timeProvider = timeProvider;
    }

    private WebFarmTiming Timing => _membership.Timing;

    private DateTime Now => _timeProvider.GetUtcNow().UtcDateTime;

    /// <summary>Whether the store runs as a farm is known before anything is sent: the first beat runs during start-up.</summary>
    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        await BeatAsync();
        await base.StartAsync(cancellationToken);
    }

    // apart: a long sweep never delays a renewal
    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Task.WhenAll(EveryAsync(Timing.HeartbeatInterval, BeatAsync, stoppingToken), EveryAsync(Timing.SweepInterval, () => SweepAsync(stoppingToken), stoppingToken));

    private async Task EveryAsync(TimeSpan interval, Func<Task> work, CancellationToken stoppingToken)
    {
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                await Task.Delay(interval, _timeProvider, stoppingToken);
                await work();
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        if (!_membership.IsFarm)
            return;
        try
        {
            await using var scope = _scopeFactory.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<WebFarmRegistry>().LeaveAsync(_membership.NodeId);
        }
        catch (Exception e)
        {
            // the registration expires on its own; the others count this node a little longer
            _logger.LogWarning(e, "Gameball web farm: this node's registration was not removed");
        }
    }

    private async Task BeatAsync()
    {
        try
        {
            await using var scope = _scopeFactory.CreateAsyncScope();
            if (!await IsFarmAsync(scope.ServiceProvider))
            {
                _membership.LeaveFarm();
                return;
            }

            _membership.EnterFarm();
            var now = Now;
            var live = await scope.ServiceProvider.GetRequiredService<WebFarmRegistry>().BeatAsync(_membership.NodeId, now, now + Timing.NodeLifetime, Timing.ClockSkew);
            _membership.RecordBeat(now, live);
        }
        catch (Exception e)
        {
            // no renewal: past its validity the node stops sending (WebFarmMembership), never sends too much
            _logger.LogWarning(e, "Gameball web farm: this node's registration was not renewed");
        }
    }

    private async Task SweepAsync(CancellationToken stoppingToken)
    {
        if (!_membership.IsFarm)
            return;
        try
        {
            await using var scope = _scopeFactory.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<OutboxSweep>().SweepAsync(stoppingToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            _logger.LogWarning(e, "Gameball web farm: this node's sweep did not run");
        }
    }

    /// <summary>
    /// A farm when nopCommerce shares its cache between nodes (Redis or SQL Server, the set-up nopCommerce
    /// requires of a farm), or when the store owner says so (a farm without a distributed cache).
    /// </summary>
    private async Task<bool> IsFarmAsync(IServiceProvider services)
    {
        _membership.DetectedFromDistributedCache = IsDistributedCache(services.GetService<AppSettings>());
        if (_membership.DetectedFromDistributedCache)
            return true;
        var settings = await services.GetRequiredService<ISettingService>().LoadSettingAsync<GameballSettings>(0);
        return settings.WebFarm;
    }

    public static bool IsDistributedCache(AppSettings? appSettings)
    {
        try
        {
            var config = appSettings?.Get<DistributedCacheConfig>();
            return config is { Enabled: true } && config.DistributedCacheType != DistributedCacheType.Memory;
        }
        catch (Exception)
        {
            // nopCommerce throws when the configuration has no such section
            return false;
        }
    }
}
