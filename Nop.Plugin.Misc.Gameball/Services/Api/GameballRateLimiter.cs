using System.Collections.Concurrent;
using Nop.Plugin.Misc.Gameball.Services.WebFarm;

namespace Nop.Plugin.Misc.Gameball.Services.Api;

/// <summary>
/// Keeps the store's traffic under Gameball's limits so that normal operation never earns a 429:
/// two sliding windows (the per-second rate and the 30-second quota) per Gameball workspace and bucket.
/// Callers wait in line for a permit; a caller that cannot wait (a shopper's preview) passes a short
/// cancellation. In a web farm the node takes only its share of each limit, and nothing while it joins
/// (<see cref="WebFarmMembership"/>), so all nodes together stay inside Gameball's limits.
/// </summary>
public sealed class GameballRateLimiter : IDisposable
{
    private const int MaxQueued = 100_000;

    /// <summary>How often a node that may not send yet (joining a farm) looks again.</summary>
    private static readonly TimeSpan _farmRecheck = TimeSpan.FromMilliseconds(250);

    private readonly GameballRateLimits _limits;
    private readonly WebFarmMembership _farm;
    private readonly TimeProvider _timeProvider;
    private readonly ConcurrentDictionary<(string Partition, GameballRateBucket Bucket), BucketLimiter> _limiters = new();

    public GameballRateLimiter(GameballRateLimits limits, WebFarmMembership farm, TimeProvider timeProvider)
    {
        _limits = limits;
        _farm = farm;
        _timeProvider = timeProvider;
    }

    public async ValueTask WaitForPermitAsync(GameballCredentials credentials, GameballRateBucket bucket, CancellationToken cancellationToken)
    {
        var limiter = _limiters.GetOrAdd((credentials.RateLimitPartition, bucket), key => new BucketLimiter(_limits[key.Bucket], _limits.TransitAllowance, _timeProvider));
        if (!await limiter.AcquireAsync(this, cancellationToken))
            throw new GameballApiException(GameballErrorKind.RateLimited, bucket.ToString(), $"Too many Gameball {bucket} requests are waiting in this store; try again later.");
    }

    /// <summary>How long the node must hold back before sending at all (joining a farm, or its registration lapsed).</summary>
    private TimeSpan FarmWait()
    {
        if (_farm.SendingBlockedUntil() is not { } until)
            return TimeSpan.Zero;
        var wait = until - _timeProvider.GetUtcNow().UtcDateTime;
        return wait <= TimeSpan.Zero ? TimeSpan.Zero : wait < _farmRecheck ? wait : _farmRecheck;
    }

    public void Dispose()
    {
        foreach (var limiter in _limiters.Values)
            limiter.Dispose();
        _limiters.Clear();
    }

    private sealed class BucketLimiter : IDisposable
    {
        private readonly SemaphoreSlim _turn = new(1, 1);
        private readonly TimeProvider _timeProvider;
        private readonly Window _short;
        private readonly Window _long;
        private int _waiting;

        /// <param name="transitAllowance">
        /// Time a request may spend between taking its permit and reaching Gameball (connection set-up, a busy
        /// thread pool, the network); Gameball counts a request when it arrives, so a permit counts this much
        /// longer than its window.
        /// </param>
        public BucketLimiter(GameballBucketLimit limit, TimeSpan transitAllowance, TimeProvider timeProvider)
        {
            _timeProvider = timeProvider;
            _short = new Window(limit.PerShortWindow, limit.ShortWindow + transitAllowance);
            _long = new Window(limit.PerLongWindow, limit.LongWindow + transitAllowance);
        }

        /// <summary>One caller at a time takes a permit, the others queue behind it in arrival order.</summary>
        public async ValueTask<bool> AcquireAsync(GameballRateLimiter owner, CancellationToken cancellationToken)
        {
            if (Interlocked.Increment(ref _waiting) > MaxQueued)
            {
                Interlocked.Decrement(ref _waiting);
                return false;
            }

            try
            {
                await _turn.WaitAsync(cancellationToken);
                try
                {
                    while (true)
                    {
                        var wait = owner.FarmWait();
                        if (wait == TimeSpan.Zero)
                        {
                            var now = _timeProvider.GetTimestamp();
                            wait = Max(_short.TimeUntilFree(now, owner._farm.ShareOf(_short.Limit), _timeProvider), _long.TimeUntilFree(now, owner._farm.ShareOf(_long.Limit), _timeProvider));
                            if (wait == TimeSpan.Zero)
                            {
                                _short.Record(now);
                                _long.Record(now);
                                return true;
                            }
                        }

                        await Task.Delay(wait, _timeProvider, cancellationToken);
                    }
                }
                finally
                {
                    _turn.Release();
                }
            }
            finally
            {
                Interlocked.Decrement(ref _waiting);
            }
        }

        private static TimeSpan Max(TimeSpan a, TimeSpan b) => a > b ? a : b;

        public void Dispose() => _turn.Dispose();
    }

    /// <summary>The permits granted within the last span, oldest first, in a ring as long as the limit.</summary>
    private sealed class Window
    {
        private readonly long[] _granted;
        private readonly TimeSpan _span;
        private int _head;
        private int _count;

        public Window(int limit, TimeSpan span)
        {
            Limit = limit;
            _span = span;
            _granted = new long[Math.Max(1, limit)];
        }

        public int Limit { get; }

        /// <summary>Zero when a permit is free under <paramref name="share"/>; else how long until the oldest one that stands in the way ages out.</summary>
        public TimeSpan TimeUntilFree(long now, int share, TimeProvider clock)
        {
            while (_count > 0 && clock.GetElapsedTime(_granted[_head], now) >= _span)
            {
                _head = (_head + 1) % _granted.Length;
                _count--;
            }

            if (_count < share)
                return TimeSpan.Zero;
            var blocking = _granted[(_head + _count - share) % _granted.Length];
            var wait = _span - clock.GetElapsedTime(blocking, now);
            return wait > TimeSpan.Zero ? wait : TimeSpan.FromTicks(1);
        }

        public void Record(long now)
        {
            if (_count == _granted.Length)
            {
                _head = (_head + 1) % _granted.Length;
                _count--;
            }

            _granted[(_head + _count) % _granted.Length] = now;
            _count++;
        }
    }
}
