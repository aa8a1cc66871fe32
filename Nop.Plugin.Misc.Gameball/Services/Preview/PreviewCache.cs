using System.Collections.Concurrent;

namespace Nop.Plugin.Misc.Gameball.Services.Preview;

/// <summary>
/// Keeps previews for their time to live and lets concurrent requests for the same key share one
/// upstream call (single flight). A failure is remembered briefly too, so a Gameball outage costs one
/// call per key and period, not one per page view.
/// </summary>
public sealed class PreviewCache
{
    private const int MaxEntries = 50_000;
    private static readonly TimeSpan _failureTtl = TimeSpan.FromSeconds(30);

    private readonly ConcurrentDictionary<string, Entry> _entries = new(StringComparer.Ordinal);
    private readonly TimeProvider _timeProvider;

    public PreviewCache(TimeProvider timeProvider)
    {
        _timeProvider = timeProvider;
    }

    public int Count => _entries.Count;

    /// <summary>The cached or shared answer for the key; <paramref name="fetch"/> runs once per key and time to live.</summary>
    public Task<PointsPreview?> GetOrFetchAsync(string key, TimeSpan ttl, Func<Task<PointsPreview?>> fetch)
    {
        var now = _timeProvider.GetUtcNow();
        if (_entries.TryGetValue(key, out var existing) && existing.ExpiresAt > now)
            return existing.Value.Value;

        // lazily started: only the entry that wins the race calls Gameball
        var created = new Entry(new Lazy<Task<PointsPreview?>>(() => Run(key, ttl, fetch)), now + ttl);
        var entry = _entries.AddOrUpdate(key, created, (_, old) => old.ExpiresAt > now ? old : created);
        if (_entries.Count > MaxEntries)
            Trim(now);
        return entry.Value.Value;
    }

    private async Task<PointsPreview?> Run(string key, TimeSpan ttl, Func<Task<PointsPreview?>> fetch)
    {
        await Task.Yield();
        try
        {
            return await fetch();
        }
        catch
        {
            // remembered as "no preview" for a short while, then tried again
            var now = _timeProvider.GetUtcNow();
            _entries[key] = new Entry(new Lazy<Task<PointsPreview?>>(Task.FromResult<PointsPreview?>(null)), now + (ttl < _failureTtl ? ttl : _failureTtl));
            throw;
        }
    }

    private void Trim(DateTimeOffset now)
    {
        foreach (var (key, entry) in _entries)
        {
            if (entry.ExpiresAt <= now || _entries.Count > MaxEntries)
                _entries.TryRemove(key, out _);
        }
    }

    private sealed record Entry(Lazy<Task<PointsPreview?>> Value, DateTimeOffset ExpiresAt);
}
