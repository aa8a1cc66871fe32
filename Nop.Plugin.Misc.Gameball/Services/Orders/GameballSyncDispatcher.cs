using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Nop.Plugin.Misc.Gameball.Services.Orders;

/// <summary>
/// Hosted service that drains <see cref="GameballSyncQueue"/> off the request path: a few workers, each
/// order processed in a DI scope of its own (background work has no HTTP context), work that wants
/// another attempt scheduled for it. The rate limiter paces the calls, so more workers do not mean more
/// traffic to Gameball.
/// </summary>
public sealed class GameballSyncDispatcher : BackgroundService
{
    public const int Workers = 4;
    private static readonly TimeSpan _afterCrash = TimeSpan.FromMinutes(1);
    private static readonly TimeSpan _startupSweepDelay = TimeSpan.FromSeconds(30);

    private readonly GameballSyncQueue _queue;
    private readonly IServiceScopeFactory _scopeFactory;
    private readonly ILogger<GameballSyncDispatcher> _logger;
    private readonly TimeProvider _timeProvider;

    public GameballSyncDispatcher(GameballSyncQueue queue, IServiceScopeFactory scopeFactory, ILogger<GameballSyncDispatcher> logger, TimeProvider timeProvider)
    {
        _queue = queue;
        _scopeFactory = scopeFactory;
        _logger = logger;
        _timeProvider = timeProvider;
    }

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Task.WhenAll(Enumerable.Range(0, Workers).Select(_ => Task.Run(() => WorkAsync(stoppingToken), CancellationToken.None))
            .Append(SweepAfterStartupAsync(stoppingToken)));

    /// <summary>After a restart the queue is empty: refill it from the database without waiting for the schedule task.</summary>
    private async Task SweepAfterStartupAsync(CancellationToken stoppingToken)
    {
        try
        {
            await Task.Delay(_startupSweepDelay, _timeProvider, stoppingToken);
            await using var scope = _scopeFactory.CreateAsyncScope();
            var found = await scope.ServiceProvider.GetRequiredService<GameballSyncSweep>().SweepAsync(stoppingToken);
            _logger.LogInformation("Gameball start-up sweep queued {Count} orders", found);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
        catch (Exception e)
        {
            // e.g. the store's database is not installed yet; the schedule task sweeps again later
            _logger.LogWarning(e, "Gameball start-up sweep did not run");
        }
    }

    private async Task WorkAsync(CancellationToken stoppingToken)
    {
        try
        {
            await foreach (var orderId in _queue.ReadAllAsync(stoppingToken))
                await ProcessAsync(orderId, stoppingToken);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    private async Task ProcessAsync(int orderId, CancellationToken stoppingToken)
    {
        try
        {
            await using var scope = _scopeFactory.CreateAsyncScope();
            var processor = scope.ServiceProvider.GetRequiredService<OrderSyncProcessor>();
            var outcome = await processor.ProcessAsync(orderId, retryFailed: false, stoppingToken);
            if (outcome.RetryAtUtc is { } retryAt)
                _queue.EnqueueAt(orderId, retryAt);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception e)
        {
            // the state in the database is unchanged or consistent; try again later (the sweep would too)
            _logger.LogError(e, "Gameball sync of order {OrderId} failed unexpectedly", orderId);
            _queue.EnqueueAt(orderId, _timeProvider.GetUtcNow().UtcDateTime + _afterCrash);
        }
    }
}
