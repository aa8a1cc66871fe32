using System.Globalization;
using Nop.Core.Domain.Common;
using Nop.Core.Domain.Orders;
using Nop.Data;
using Nop.Plugin.Misc.Gameball.Services.Orders;

namespace Nop.Plugin.Misc.Gameball.Services.Admin;

/// <summary>What the owner checks at a glance on the configuration page.</summary>
public sealed record GameballNumbersModel(int OrdersToday, int OrdersLast7Days, decimal PointsLast7Days, int ReversedLast7Days,
    DateTime? LastSuccessUtc, DateTime ComputedUtc);

/// <summary>
/// The numbers of the configuration page from the plugin's own state: orders acknowledged today and in 7
/// days with their points, orders reversed in 7 days (range queries over one generic attribute written once
/// per acknowledgement, so no order's JSON is read) and the last successful call (work waiting and failed
/// are the sync log's counts, shown beside them). Kept for a minute: the page is cheap to reload whatever the number of orders.
/// </summary>
public class GameballNumbers
{
    public static readonly TimeSpan CacheFor = TimeSpan.FromMinutes(1);

    private readonly IRepository<GenericAttribute> _genericAttributeRepository;
    private readonly GameballCallTracker _calls;
    private readonly GameballNumbersCache _cache;
    private readonly TimeProvider _timeProvider;

    public GameballNumbers(IRepository<GenericAttribute> genericAttributeRepository,
        GameballCallTracker calls,
        GameballNumbersCache cache,
        TimeProvider timeProvider)
    {
        _genericAttributeRepository = genericAttributeRepository;
        _calls = calls;
        _cache = cache;
        _timeProvider = timeProvider;
    }

    /// <param name="todayStartUtc">The start of today in the admin's time zone, in UTC.</param>
    public async Task<GameballNumbersModel> GetAsync(DateTime todayStartUtc)
    {
        var now = _timeProvider.GetUtcNow().UtcDateTime;
        if (_cache.Current is { } cached && now - cached.ComputedUtc < CacheFor)
            return cached;
        var numbers = await ComputeAsync(todayStartUtc, now);
        _cache.Current = numbers;
        return numbers;
    }

    public async Task<GameballNumbersModel> ComputeAsync(DateTime todayStartUtc, DateTime nowUtc)
    {
        var group = nameof(Order);
        var weekAgo = OrderSyncStateStore.SortableTime(nowUtc.AddDays(-7));
        var today = OrderSyncStateStore.SortableTime(todayStartUtc);
        var acknowledged = await _genericAttributeRepository.Table
            .Where(a => a.KeyGroup == group && a.Key == OrderSyncStateStore.AcknowledgedKey && string.Compare(a.Value, weekAgo) >= 0)
            .Select(a => a.Value).ToListAsync();
        var reversed = await _genericAttributeRepository.Table
            .CountAsync(a => a.KeyGroup == group && a.Key == OrderSyncStateStore.ReversedKey && string.Compare(a.Value, weekAgo) >= 0);
        var newest = await _genericAttributeRepository.Table
            .Where(a => a.KeyGroup == group && a.Key == OrderSyncStateStore.AcknowledgedKey)
            .OrderByDescending(a => a.Value).Select(a => a.Value).FirstOrDefaultAsync();

        var lastAcknowledged = newest is null ? (DateTime?)null : ParseTime(newest);
        var lastCall = _calls.LastSuccessUtc;
        var last = lastCall > lastAcknowledged || lastAcknowledged is null ? lastCall : lastAcknowledged;
        return new GameballNumbersModel(
            acknowledged.Count(v => string.CompareOrdinal(v, today) >= 0),
            acknowledged.Count,
            acknowledged.Sum(Points),
            reversed,
            last,
            nowUtc);
    }

    private static DateTime? ParseTime(string value) =>
        DateTime.TryParseExact(value.Split('|')[0], "yyyyMMddHHmmss", CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var t) ? t : null;

    private static decimal Points(string value)
    {
        var parts = value.Split('|');
        return parts.Length > 1 && decimal.TryParse(parts[1], NumberStyles.Number, CultureInfo.InvariantCulture, out var points) ? points : 0;
    }
}

/// <summary>The last computed numbers, shared by the requests of this process.</summary>
public sealed class GameballNumbersCache
{
    public GameballNumbersModel? Current { get; set; }
}
