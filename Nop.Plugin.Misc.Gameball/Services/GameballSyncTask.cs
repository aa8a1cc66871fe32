using Nop.Plugin.Misc.Gameball.Services.Outbox;
using Nop.Services.ScheduleTasks;

namespace Nop.Plugin.Misc.Gameball.Services;

/// <summary>
/// Schedule task that reconciles the outbox with Gameball: whatever the background dispatcher did not get
/// acknowledged (missed event, restart, outage, a process killed mid-send) is found in the database and
/// handed to it.
/// </summary>
public class GameballSyncTask : IScheduleTask
{
    private readonly OutboxSweep _sweep;

    public GameballSyncTask(OutboxSweep sweep)
    {
        _sweep = sweep;
    }

    public Task ExecuteAsync() => _sweep.SweepAsync(CancellationToken.None);
}
