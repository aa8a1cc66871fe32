using Nop.Plugin.Misc.Gameball.Services.WebFarm;

namespace Nop.Plugin.Misc.Gameball.Services.Outbox;

/// <summary>
/// Finds, from the database alone, every entity whose Gameball work is not done (pending work, work a
/// dead process left in flight, and work whose event was missed) and hands it to the dispatcher. Run by
/// the schedule task and at start-up. In a web farm each node takes its own part of what it finds (and
/// sweeps on its own clock too), so a node's restart does not set every node to the same work.
/// </summary>
public class OutboxSweep
{
    private readonly IEnumerable<IOutboxSource> _sources;
    private readonly OutboxQueue _queue;
    private readonly WebFarmMembership _membership;

    public OutboxSweep(IEnumerable<IOutboxSource> sources, OutboxQueue queue, WebFarmMembership membership)
    {
        _sources = sources;
        _queue = queue;
        _membership = membership;
    }

    /// <returns>How many entities were handed to the dispatcher.</returns>
    public async Task<int> SweepAsync(CancellationToken cancellationToken)
    {
        var queued = 0;
        foreach (var source in _sources)
        {
            foreach (var entityId in await source.FindWorkAsync(cancellationToken))
            {
                if (_membership.Owns(entityId) && _queue.Enqueue(new OutboxAddress(source.EntityGroup, entityId)))
                    queued++;
            }
        }

        return queued;
    }
}
