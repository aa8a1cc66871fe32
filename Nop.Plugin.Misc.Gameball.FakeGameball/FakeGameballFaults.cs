namespace Nop.Plugin.Misc.Gameball.FakeGameball;

public enum FaultKind
{
    /// <summary>Answers normally after a delay.</summary>
    Latency,
    /// <summary>500 with Gameball's error body (code 5000).</summary>
    ServerError,
    /// <summary>503 with Gameball's error body (code 5003).</summary>
    ServiceUnavailable,
    /// <summary>429, with Retry-After when the fault names one.</summary>
    TooManyRequests,
    /// <summary>Never answers (until the client gives up).</summary>
    Hang,
    /// <summary>Applies the request to the ledger, then never answers: the client sees a timeout.</summary>
    AcceptThenHang,
    /// <summary>Drops the connection without an answer.</summary>
    ConnectionReset,
    /// <summary>200 with a body that is not JSON.</summary>
    MalformedJson,
    /// <summary>502 with an HTML page, as a proxy in front of Gameball would answer.</summary>
    HtmlBody
}

public sealed record Fault(FaultKind Kind, string? PathContains = null, TimeSpan? Delay = null, TimeSpan? RetryAfter = null);

/// <summary>
/// Faults the fake applies, scripted by tests: for the next N matching calls, or for a period.
/// </summary>
public sealed class FakeGameballFaults
{
    private readonly object _gate = new();
    private readonly List<(Fault Fault, int Remaining)> _counted = [];
    private readonly List<(Fault Fault, DateTime Until)> _timed = [];

    public void Next(Fault fault, int times = 1)
    {
        lock (_gate)
            _counted.Add((fault, times));
    }

    public void For(Fault fault, TimeSpan period)
    {
        lock (_gate)
            _timed.Add((fault, DateTime.UtcNow + period));
    }

    public void Clear()
    {
        lock (_gate)
        {
            _counted.Clear();
            _timed.Clear();
        }
    }

    internal Fault? Take(string path)
    {
        lock (_gate)
        {
            var now = DateTime.UtcNow;
            _timed.RemoveAll(t => t.Until <= now);
            var timed = _timed.FirstOrDefault(t => Matches(t.Fault, path));
            if (timed.Fault is not null)
                return timed.Fault;
            var index = _counted.FindIndex(c => Matches(c.Fault, path));
            if (index < 0)
                return null;
            var (fault, remaining) = _counted[index];
            if (remaining <= 1)
                _counted.RemoveAt(index);
            else
                _counted[index] = (fault, remaining - 1);
            return fault;
        }
    }

    private static bool Matches(Fault fault, string path) => fault.PathContains is null || path.Contains(fault.PathContains, StringComparison.OrdinalIgnoreCase);
}
