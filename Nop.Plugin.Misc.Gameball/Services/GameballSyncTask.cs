using Nop.Plugin.Misc.Gameball.Services.Orders;
using Nop.Services.ScheduleTasks;

namespace Nop.Plugin.Misc.Gameball.Services;

/// <summary>
/// Schedule task that reconciles orders and refunds with Gameball: whatever the background dispatcher
/// did not get acknowledged (missed event, restart, outage) is found in the database and handed to it.
/// </summary>
public class GameballSyncTask : IScheduleTask
{
    private readonly GameballSyncSweep _sweep;

    public GameballSyncTask(GameballSyncSweep sweep)
    {
        _sweep = sweep;
    }

    public Task ExecuteAsync() => _sweep.SweepAsync(CancellationToken.None);
}
