using Nop.Services.ScheduleTasks;

namespace Nop.Plugin.Misc.Gameball.Services;

/// <summary>
/// Schedule task that reconciles orders and refunds with Gameball: whatever the background dispatcher
/// did not get acknowledged (missed event, restart, outage) is picked up here.
/// The task is installed and removed with the plugin; the reconciliation itself arrives with order
/// tracking, until then a run has nothing to reconcile.
/// </summary>
public class GameballSyncTask : IScheduleTask
{
    public Task ExecuteAsync() => Task.CompletedTask;
}
