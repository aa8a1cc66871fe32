using System.Collections.Concurrent;

namespace Nop.Plugin.Misc.Gameball.Services.Widget;

/// <summary>
/// Session tokens reused across a signed-in customer's page views for a few minutes: minting one costs tens of
/// microseconds of cryptography, a lookup well under one. An entry belongs to one sign-in (its issue and expiry
/// times), one customer with one email and phone, and one secret key; a new sign-in, a sliding renewal, a
/// changed profile or a rotated key mints a new token. A token is served only while at least
/// <see cref="ReuseFor"/> of its life is left, so the widget never gets one about to expire.
/// </summary>
public sealed class SessionTokenCache
{
    /// <summary>Entries kept at most; past it expired entries are dropped, and all if none had expired.</summary>
    public const int MaxEntries = 10_000;

    public static TimeSpan ReuseFor { get; } = TimeSpan.FromMinutes(10);

    private readonly ConcurrentDictionary<Key, (string Token, DateTimeOffset ReuseUntil)> _tokens = new();

    public readonly record struct Key(string SecretKey, Guid CustomerGuid, string? Email, string? Phone, long SessionIssuedTicks, long SessionEndsTicks);

    public string? Get(Key key, DateTimeOffset now) => _tokens.TryGetValue(key, out var entry) && entry.ReuseUntil > now ? entry.Token : null;

    public void Set(Key key, string token, DateTimeOffset expires, DateTimeOffset now)
    {
        var reuseUntil = now + ReuseFor < expires - ReuseFor ? now + ReuseFor : expires - ReuseFor;
        if (reuseUntil <= now)
            return;
        if (_tokens.Count >= MaxEntries)
        {
            foreach (var entry in _tokens)
            {
                if (entry.Value.ReuseUntil <= now)
                    _tokens.TryRemove(entry.Key, out _);
            }

            if (_tokens.Count >= MaxEntries)
                _tokens.Clear();
        }

        _tokens[key] = (token, reuseUntil);
    }

    /// <summary>Forgets every token (the benchmarks measure minting with it).</summary>
    internal void Clear() => _tokens.Clear();
}
