using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Nop.Plugin.Misc.Gameball.Services.Outbox;

/// <summary>
/// Hosted service that drains <see cref="OutboxQueue"/> off the request path, for every kind of work:
/// a few workers, each entity processed in a DI scope of its own (background work has no HTTP
/// context), work that wants another attempt scheduled for it. The rate limiter paces the calls, so
/// more workers do not mean more traffic to Gameball.
/// </summary>
public sealed class OutboxDispatcher : BackgroundService
{
    public const int Workers = 4;
    private static readonly TimeSpan _afterCrash = TimeSpan.FromMinutes(1);
    private static readonly TimeSpan _startupSweepDelay = TimeSpan.FromSeconds(30);

    private readonly OutboxQueue _queue;
    private readonly IServiceScopeFactory _scopeFactory;
    private readonly ILogger<OutboxDispatcher> _logger;
    private readonly TimeProvider _timeProvider;

    public OutboxDispatcher(OutboxQueue queue, IServiceScopeFactory scopeFactory, ILogger<OutboxDispatcher> logger, TimeProvider timeProvider)
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
            var found = await scope.ServiceProvider.GetRequiredService<OutboxSweep>().SweepAsync(stoppingToken);
            _logger.LogInformation("Gameball start-up sweep queued {Count} entities with outbox work", found);
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
            await foreach (var address in _queue.ReadAllAsync(stoppingToken))
                await ProcessAsync(address, stoppingToken);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    private async Task ProcessAsync(OutboxAddress address, CancellationToken stoppingToken)
    {
        try
        {
            await using var scope = _scopeFactory.CreateAsyncScope();
            var processor = scope.ServiceProvider.GetRequiredService<OutboxProcessor>();
            var outcome = await processor.ProcessAsync(address, retryNow: false, stoppingToken);
            if (outcome.RetryAtUtc is { } retryAt && !stoppingToken.IsCancellationRequested)
                _queue.EnqueueAt(address, retryAt);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception e)
        {
            // the state in the database is unchanged or consistent; try again later (the sweep would too)
            _logger.LogError(e, "Gameball outbox work of {Address} failed unexpectedly", address);
            _queue.EnqueueAt(address, _timeProvider.GetUtcNow().UtcDateTime + _afterCrash);
        }
    }
}
