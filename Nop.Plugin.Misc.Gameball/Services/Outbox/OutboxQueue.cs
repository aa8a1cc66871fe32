using System.Collections.Concurrent;
using System.Threading.Channels;

namespace Nop.Plugin.Misc.Gameball.Services.Outbox;

/// <summary>
/// The in-memory hand-off between nopCommerce's events (checkout) and the background dispatcher: an
/// entity with outbox work goes in once however often it is offered, and may be scheduled for later.
/// It holds no state of its own that matters: the sweep refills it from the database after a restart.
/// </summary>
public sealed class OutboxQueue : IDisposable
{
    private readonly Channel<OutboxAddress> _channel = Channel.CreateUnbounded<OutboxAddress>(new UnboundedChannelOptions { SingleReader = false, SingleWriter = false });
    private readonly ConcurrentDictionary<OutboxAddress, byte> _queued = new();
    private readonly ConcurrentDictionary<OutboxAddress, ITimer> _scheduled = new();
    private readonly TimeProvider _timeProvider;

    public OutboxQueue(TimeProvider timeProvider)
    {
        _timeProvider = timeProvider;
    }

    /// <summary>Entities waiting to be processed now.</summary>
    public int Count => _queued.Count;

    /// <summary>Queues an entity's work for processing; false when it is queued already. Allocation-free on the hot path.</summary>
    public bool Enqueue(OutboxAddress address)
    {
        if (!_queued.TryAdd(address, 0))
            return false;
        if (_channel.Writer.TryWrite(address))
            return true;
        _queued.TryRemove(address, out _);
        return false;
    }

    /// <summary>Queues an entity's work when <paramref name="dueUtc"/> comes, unless it is scheduled already.</summary>
    public void EnqueueAt(OutboxAddress address, DateTime dueUtc)
    {
        var delay = dueUtc - _timeProvider.GetUtcNow().UtcDateTime;
        if (delay <= TimeSpan.Zero)
        {
            Enqueue(address);
            return;
        }

        if (_scheduled.ContainsKey(address))
            return;
        var timer = _timeProvider.CreateTimer(_ =>
        {
            if (_scheduled.TryRemove(address, out var fired))
                fired.Dispose();
            Enqueue(address);
        }, null, delay, Timeout.InfiniteTimeSpan);
        if (!_scheduled.TryAdd(address, timer))
            timer.Dispose();
    }

    public async IAsyncEnumerable<OutboxAddress> ReadAllAsync([System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (var address in _channel.Reader.ReadAllAsync(cancellationToken))
        {
            _queued.TryRemove(address, out _);
            yield return address;
        }
    }

    public void Dispose()
    {
        _channel.Writer.TryComplete();
        foreach (var timer in _scheduled.Values)
            timer.Dispose();
        _scheduled.Clear();
    }
}
