using System.Collections.Concurrent;
using System.Threading.Channels;

namespace Nop.Plugin.Misc.Gameball.Services.Orders;

/// <summary>
/// The in-memory hand-off between nopCommerce's events (checkout) and the background dispatcher: an order
/// id goes in once however often it is offered, and may be scheduled for later. It holds no state of its
/// own that matters: the sweep refills it from the database after a restart.
/// </summary>
public sealed class GameballSyncQueue : IDisposable
{
    private readonly Channel<int> _channel = Channel.CreateUnbounded<int>(new UnboundedChannelOptions { SingleReader = false, SingleWriter = false });
    private readonly ConcurrentDictionary<int, byte> _queued = new();
    private readonly ConcurrentDictionary<int, ITimer> _scheduled = new();
    private readonly TimeProvider _timeProvider;

    public GameballSyncQueue(TimeProvider timeProvider)
    {
        _timeProvider = timeProvider;
    }

    /// <summary>Orders waiting to be processed now.</summary>
    public int Count => _queued.Count;

    /// <summary>Queues an order for processing; false when it is queued already. Allocation-free on the hot path.</summary>
    public bool Enqueue(int orderId)
    {
        if (!_queued.TryAdd(orderId, 0))
            return false;
        if (_channel.Writer.TryWrite(orderId))
            return true;
        _queued.TryRemove(orderId, out _);
        return false;
    }

    /// <summary>Queues an order when <paramref name="dueUtc"/> comes, unless it is scheduled already.</summary>
    public void EnqueueAt(int orderId, DateTime dueUtc)
    {
        var delay = dueUtc - _timeProvider.GetUtcNow().UtcDateTime;
        if (delay <= TimeSpan.Zero)
        {
            Enqueue(orderId);
            return;
        }

        if (_scheduled.ContainsKey(orderId))
            return;
        var timer = _timeProvider.CreateTimer(_ =>
        {
            if (_scheduled.TryRemove(orderId, out var fired))
                fired.Dispose();
            Enqueue(orderId);
        }, null, delay, Timeout.InfiniteTimeSpan);
        if (!_scheduled.TryAdd(orderId, timer))
            timer.Dispose();
    }

    public async IAsyncEnumerable<int> ReadAllAsync([System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (var orderId in _channel.Reader.ReadAllAsync(cancellationToken))
        {
            _queued.TryRemove(orderId, out _);
            yield return orderId;
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
