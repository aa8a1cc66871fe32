using System.Collections.Concurrent;
using System.Threading.RateLimiting;

namespace Nop.Plugin.Misc.Gameball.Services.Api;

/// <summary>
/// Keeps the store's traffic under Gameball's limits so that normal operation never earns a 429:
/// two sliding windows (the long quota, then the per-second rate) per Gameball workspace and bucket.
/// Callers wait in line for a permit; a caller that cannot wait (a shopper's preview) passes a short
/// cancellation.
/// </summary>
public sealed class GameballRateLimiter : IDisposable
{
    private readonly GameballRateLimits _limits;
    private readonly ConcurrentDictionary<(string Partition, GameballRateBucket Bucket), Lazy<BucketLimiter>> _limiters = new();

    public GameballRateLimiter(GameballRateLimits limits)
    {
        _limits = limits;
    }

    public async ValueTask WaitForPermitAsync(GameballCredentials credentials, GameballRateBucket bucket, CancellationToken cancellationToken)
    {
        var limiter = _limiters.GetOrAdd((credentials.RateLimitPartition, bucket), key => new Lazy<BucketLimiter>(() => new BucketLimiter(_limits[key.Bucket]))).Value;
        if (!await limiter.AcquireAsync(cancellationToken))
            throw new GameballApiException(GameballErrorKind.RateLimited, bucket.ToString(), $"Too many Gameball {bucket} requests are waiting in this store; try again later.");
    }

    public void Dispose()
    {
        foreach (var limiter in _limiters.Values.Where(l => l.IsValueCreated))
            limiter.Value.Dispose();
        _limiters.Clear();
    }

    private sealed class BucketLimiter : IDisposable
    {
        private const int MaxQueued = 100_000;
        private readonly SlidingWindowRateLimiter _long;
        private readonly SlidingWindowRateLimiter _short;

        public BucketLimiter(GameballBucketLimit limit)
        {
            _long = Create(limit.PerLongWindow, limit.LongWindow, segments: 60);
            _short = Create(limit.PerShortWindow, limit.ShortWindow, segments: 10);
        }

        /// <summary>
        /// Time a request may spend between taking its permit and reaching Gameball (connection set-up,
        /// a busy thread pool, the network); two requests' delays differ by up to this much.
        /// </summary>
        private static readonly TimeSpan _transitAllowance = TimeSpan.FromMilliseconds(500);

        /// <summary>
        /// A sliding window frees a permit at a segment boundary, up to one segment before the permit is a
        /// full window old, and Gameball counts a request when it arrives, not when its permit was taken.
        /// Spare segments covering both keep every request inside Gameball's rolling window.
        /// </summary>
        private static SlidingWindowRateLimiter Create(int permits, TimeSpan window, int segments)
        {
            var segment = window / segments;
            var spareSegments = 1 + (int)Math.Ceiling(_transitAllowance / segment);
            return new SlidingWindowRateLimiter(new SlidingWindowRateLimiterOptions
            {
                PermitLimit = permits,
                Window = segment * (segments + spareSegments),
                SegmentsPerWindow = segments + spareSegments,
                QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
                QueueLimit = MaxQueued,
                AutoReplenishment = true,
            });
        }

        // the per-second window is taken last, right before the request leaves, so it gates the real send rate
        public async ValueTask<bool> AcquireAsync(CancellationToken cancellationToken)
        {
            using var quota = await _long.AcquireAsync(1, cancellationToken);
            if (!quota.IsAcquired)
                return false;
            using var rate = await _short.AcquireAsync(1, cancellationToken);
            return rate.IsAcquired;
        }

        public void Dispose()
        {
            _long.Dispose();
            _short.Dispose();
        }
    }
}
