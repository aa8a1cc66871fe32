namespace Nop.Plugin.Misc.Gameball.Services.Outbox;

/// <summary>
/// Finds, from the database alone, every entity whose Gameball work is not done (pending work, work a
/// dead process left in flight, and work whose event was missed) and hands it to the dispatcher. Run by
/// the schedule task and at start-up.
/// </summary>
public class OutboxSweep
{
    private readonly IEnumerable<IOutboxSource> _sources;
    private readonly OutboxQueue _queue;

    public OutboxSweep(IEnumerable<IOutboxSource> sources, OutboxQueue queue)
    {
        _sources = sources;
        _queue = queue;
    }

    /// <returns>How many entities were handed to the dispatcher.</returns>
    public async Task<int> SweepAsync(CancellationToken cancellationToken)
    {
        var queued = 0;
        foreach (var source in _sources)
        {
            foreach (var entityId in await source.FindWorkAsync(cancellationToken))
            {
                if (_queue.Enqueue(new OutboxAddress(source.EntityGroup, entityId)))
                    queued++;
            }
        }

        return queued;
    }
}
