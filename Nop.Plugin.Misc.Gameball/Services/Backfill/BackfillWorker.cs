using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Nop.Plugin.Misc.Gameball.Services.Backfill;

/// <summary>
/// Advances running backfills in the background: every couple of seconds, one chunk per kind if the
/// outbox's queue has room. A run saved as running is picked up again after a restart.
/// </summary>
public sealed class BackfillWorker : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(2);

    private readonly IServiceScopeFactory _scopeFactory;
    private readonly ILogger<BackfillWorker> _logger;
    private readonly TimeProvider _timeProvider;

    public BackfillWorker(IServiceScopeFactory scopeFactory, ILogger<BackfillWorker> logger, TimeProvider timeProvider)
    {
        _scopeFactory = scopeFactory;
        _logger = logger;
        _timeProvider = timeProvider;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            var stepped = false;
            try
            {
                await using var scope = _scopeFactory.CreateAsyncScope();
                stepped = await scope.ServiceProvider.GetRequiredService<BackfillService>().StepAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                _logger.LogWarning(e, "Gameball backfill step failed; it is tried again shortly");
            }

            try
            {
                // straight on while there is room and work; otherwise wait for the outbox to drain
                if (!stepped)
                    await Task.Delay(Interval, _timeProvider, stoppingToken);
                else
                    await Task.Delay(TimeSpan.FromMilliseconds(50), _timeProvider, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }
}
