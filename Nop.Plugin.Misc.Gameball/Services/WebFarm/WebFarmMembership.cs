namespace Nop.Plugin.Misc.Gameball.Services.WebFarm;

/// <summary>
/// What this node knows of the web farm it runs in: whether it is one, which nodes are alive, and what
/// follows for this node: whether it may send to Gameball now, what share of Gameball's limits is its
/// own, and which entities its sweep looks after. Fed by <see cref="WebFarmHeartbeat"/>; read on every
/// call to Gameball, so every read is lock-free.
/// </summary>
public sealed class WebFarmMembership
{
    private readonly object _gate = new();
    private readonly TimeProvider _timeProvider;
    private volatile View _view = View.Single;

    // the live counts seen lately, newest last: a node that left is still counted for DepartureHold
    private readonly Queue<(DateTime SeenUtc, int Count)> _counts = new();

    public WebFarmMembership(WebFarmTiming timing, TimeProvider timeProvider)
    {
        Timing = timing;
        _timeProvider = timeProvider;
    }

    /// <summary>This process's id in the farm, new at every start: a restarted node joins afresh.</summary>
    public Guid NodeId { get; } = Guid.NewGuid();

    public WebFarmTiming Timing { get; }

    public bool IsFarm => _view.IsFarm;

    /// <summary>Whether nopCommerce's own configuration (its distributed cache) said this is a farm.</summary>
    public bool DetectedFromDistributedCache { get; set; }

    /// <summary>The live nodes this node counts (itself included), 1 outside a farm.</summary>
    public int NodeCount => _view.Divisor;

    private DateTime Now => _timeProvider.GetUtcNow().UtcDateTime;

    /// <summary>Outside a farm every node is alone: all of Gameball's limits, every entity.</summary>
    public void LeaveFarm()
    {
        lock (_gate)
        {
            _counts.Clear();
            _view = View.Single;
        }
    }

    /// <summary>This node is in a farm: until its registration is written it sends nothing.</summary>
    public void EnterFarm()
    {
        lock (_gate)
        {
            if (!_view.IsFarm)
                _view = new View(true, DateTime.MinValue, null, 1, 1, -1);
        }
    }

    /// <summary>
    /// A renewal of this node's registration made at <paramref name="beatUtc"/> succeeded, and these nodes'
    /// registrations (this one's included) were alive.
    /// </summary>
    public void RecordBeat(DateTime beatUtc, IReadOnlyCollection<Guid> liveNodes)
    {
        lock (_gate)
        {
            var previous = _view;
            // a first beat, or one after a lapse the others may have seen as this node leaving: a join
            var joinedUtc = previous.IsFarm && previous.LastBeatUtc is { } last && beatUtc - last < Timing.SelfValidity
                ? previous.JoinedUtc
                : beatUtc;

            var nodes = liveNodes.Append(NodeId).Distinct().Order().ToArray();
            _counts.Enqueue((beatUtc, nodes.Length));
            while (_counts.Count > 1 && beatUtc - _counts.Peek().SeenUtc > Timing.DepartureHold)
                _counts.Dequeue();

            _view = new View(true, joinedUtc, beatUtc, _counts.Max(c => c.Count), nodes.Length, Array.IndexOf(nodes, NodeId));
        }
    }

    /// <summary>
    /// When this node may send again: null when it may send now (always outside a farm). A node that has
    /// just joined waits out <see cref="WebFarmTiming.JoinGrace"/>; one whose registration lapsed waits
    /// for a renewal.
    /// </summary>
    public DateTime? SendingBlockedUntil()
    {
        var view = _view;
        if (!view.IsFarm)
            return null;
        var now = Now;
        if (view.LastBeatUtc is not { } lastBeat || now - lastBeat >= Timing.SelfValidity)
            return now + Timing.HeartbeatInterval;
        var allowedFrom = view.JoinedUtc + Timing.JoinGrace;
        return now < allowedFrom ? allowedFrom : null;
    }

    /// <summary>This node's share of a limit: the limit divided among the nodes counted, at least one.</summary>
    public int ShareOf(int limit) => Math.Max(1, limit / Math.Max(1, _view.Divisor));

    /// <summary>Whether this node's sweep looks after the entity: the farm's live nodes split the ids between them.</summary>
    public bool Owns(int entityId)
    {
        var view = _view;
        // hashed: ids nopCommerce hands out in strides (an order, then its items) would otherwise all fall to one node
        return !view.IsFarm || view.Index < 0 || view.Live <= 1 || unchecked((uint)entityId * 2654435761u) % (uint)view.Live == (uint)view.Index;
    }

    private sealed record View(bool IsFarm, DateTime JoinedUtc, DateTime? LastBeatUtc, int Divisor, int Live, int Index)
    {
        public static View Single { get; } = new(false, DateTime.MinValue, null, 1, 1, 0);
    }
}
