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
            var stepped = 0;
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
                // at the backfill's pace while there is work; otherwise look again in a while
                var pause = stepped == 0 ? Interval : TimeSpan.FromSeconds((double)stepped / BackfillService.PacePerSecond);
                await Task.Delay(pause, _timeProvider, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }
}
