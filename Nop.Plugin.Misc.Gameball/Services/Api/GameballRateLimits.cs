namespace Nop.Plugin.Misc.Gameball.Services.Api;

/// <summary>
/// Gameball's documented limits per bucket: a per-second rate and a rolling 30-second quota
/// (fact sheet §1.4). Exceeding either earns a 429.
/// </summary>
public sealed record GameballBucketLimit(int PerShortWindow, TimeSpan ShortWindow, int PerLongWindow, TimeSpan LongWindow);

public sealed class GameballRateLimits
{
    public static GameballRateLimits Documented { get; } = new(new Dictionary<GameballRateBucket, GameballBucketLimit>
    {
        [GameballRateBucket.OrderTracking] = new(30, TimeSpan.FromSeconds(1), 360, TimeSpan.FromSeconds(30)),
        [GameballRateBucket.CashbackCalculation] = new(1000, TimeSpan.FromSeconds(1), 15000, TimeSpan.FromSeconds(30)),
        [GameballRateBucket.Transactions] = new(30, TimeSpan.FromSeconds(1), 360, TimeSpan.FromSeconds(30)),
        [GameballRateBucket.CustomersRead] = new(100, TimeSpan.FromSeconds(1), 1200, TimeSpan.FromSeconds(30)),
        [GameballRateBucket.CustomersWrite] = new(30, TimeSpan.FromSeconds(1), 360, TimeSpan.FromSeconds(30)),
        [GameballRateBucket.Other] = new(30, TimeSpan.FromSeconds(1), 360, TimeSpan.FromSeconds(30)),
    });

    private readonly IReadOnlyDictionary<GameballRateBucket, GameballBucketLimit> _limits;

    public GameballRateLimits(IReadOnlyDictionary<GameballRateBucket, GameballBucketLimit> limits)
    {
        _limits = limits;
    }

    /// <summary>
    /// How long a request may take from its permit to Gameball's door; a permit counts that much longer
    /// than its window. Physical, so time scaling leaves it alone.
    /// </summary>
    public TimeSpan TransitAllowance { get; init; } = TimeSpan.FromMilliseconds(500);

    public GameballBucketLimit this[GameballRateBucket bucket] => _limits.TryGetValue(bucket, out var limit) ? limit : _limits[GameballRateBucket.Other];

    public GameballRateLimits WithTransitAllowance(TimeSpan allowance) => new(_limits) { TransitAllowance = allowance };

    /// <summary>The same counts over windows shortened by <paramref name="factor"/>: for tests and benchmarks that cannot wait 30 s.</summary>
    public GameballRateLimits WithTimeScaledBy(double factor) => new(_limits.ToDictionary(
        kv => kv.Key,
        kv => kv.Value with { ShortWindow = kv.Value.ShortWindow * factor, LongWindow = kv.Value.LongWindow * factor }))
    {
        TransitAllowance = TransitAllowance,
    };
}
