using System.Diagnostics;

namespace Nop.Plugin.Misc.Gameball.FakeGameball;

/// <summary>
/// Gameball's documented limits as the service enforces them: per bucket, a rolling short window
/// and a rolling long window, 429 beyond either. Off unless a test switches it on.
/// </summary>
public sealed class FakeGameballRateLimits
{
    private readonly object _gate = new();
    private readonly Dictionary<string, Queue<long>> _hits = [];
    private int _rejected;

    public bool Enforce { get; set; }

    /// <summary>Multiplies every window (0.1 = ten times faster), for tests that cannot wait 30 s.</summary>
    public double TimeScale { get; set; } = 1.0;

    public int Rejected => Volatile.Read(ref _rejected);

    /// <summary>Which window the last 429 came from, for test failure messages.</summary>
    public string? LastRejection { get; private set; }

    /// <summary>Gameball's buckets (fact sheet §1.4): name, per-second limit, per-30-second limit.</summary>
    internal static (string Bucket, int PerSecond, int Per30Seconds) BucketOf(string method, string path)
    {
        if (path.StartsWith("orders/cashback", StringComparison.Ordinal) || path.StartsWith("orders/reward-preview", StringComparison.Ordinal))
            return ("orders-cashback", 1000, 15000);
        if (path.StartsWith("orders", StringComparison.Ordinal))
            return ("orders-tracking", 30, 360);
        if (path.StartsWith("transactions", StringComparison.Ordinal))
            return ("transactions", 30, 360);
        if (path.StartsWith("customers", StringComparison.Ordinal))
            return method == "GET" ? ("customers-get", 100, 1200) : ("customers-post", 30, 360);
        if (path.StartsWith("events", StringComparison.Ordinal))
            return ("events", 100, 1200);
        return ("other", 30, 360);
    }

    internal bool TryAdmit(string method, string path)
    {
        if (!Enforce)
            return true;
        var (bucket, perSecond, per30) = BucketOf(method, path);
        var now = Stopwatch.GetTimestamp();
        var shortWindow = (long)(Stopwatch.Frequency * 1.0 * TimeScale);
        var longWindow = (long)(Stopwatch.Frequency * 30.0 * TimeScale);
        lock (_gate)
        {
            if (!_hits.TryGetValue(bucket, out var hits))
                _hits[bucket] = hits = new Queue<long>();
            while (hits.Count > 0 && now - hits.Peek() >= longWindow)
                hits.Dequeue();
            var inShort = hits.Count(t => now - t < shortWindow);
            if (inShort >= perSecond || hits.Count >= per30)
            {
                LastRejection = inShort >= perSecond
                    ? $"{bucket}: {inShort} requests in the last {shortWindow * 1000.0 / Stopwatch.Frequency:0} ms (limit {perSecond})"
                    : $"{bucket}: {hits.Count} requests in the last {longWindow * 1000.0 / Stopwatch.Frequency:0} ms (limit {per30}), oldest {(now - hits.Peek()) * 1000.0 / Stopwatch.Frequency:0} ms ago";
                Interlocked.Increment(ref _rejected);
                return false;
            }

            hits.Enqueue(now);
            return true;
        }
    }
}
