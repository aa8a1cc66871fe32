using System.Collections.Concurrent;
using Nop.Core.Domain.Logging;
using Nop.Plugin.Misc.Gameball.Services.Api;
using Nop.Services.Logging;

namespace Nop.Plugin.Misc.Gameball.Services.Preview;

/// <summary>
/// Writes a failed preview to nopCommerce's log once per store, kind of failure and period, not once
/// per page view: an outage during a sale (or a client hammering the previews) must not flood the log.
/// </summary>
public sealed class PreviewFailureLog
{
    public static TimeSpan Period { get; } = TimeSpan.FromMinutes(10);

    private readonly ConcurrentDictionary<(int StoreId, GameballErrorKind Kind), DateTimeOffset> _lastLogged = new();
    private readonly ConcurrentDictionary<int, DateTimeOffset> _lastClientLimitLogged = new();
    private readonly TimeProvider _timeProvider;

    public PreviewFailureLog(TimeProvider timeProvider)
    {
        _timeProvider = timeProvider;
    }

    public async Task ReportAsync(ILogger logger, int storeId, GameballApiException error)
    {
        var now = _timeProvider.GetUtcNow();
        var key = (storeId, error.Kind);
        var last = _lastLogged.GetOrAdd(key, DateTimeOffset.MinValue);
        if (now - last < Period || !_lastLogged.TryUpdate(key, now, last))
            return;
        await logger.InsertLogAsync(LogLevel.Warning,
            $"{GameballDefaults.SystemName}: points previews are hidden because Gameball failed ({error.Kind}); this is logged once every {Period.TotalMinutes:0} minutes.",
            error.Message);
    }

    /// <summary>
    /// A client was refused by the per-client limit. Logged once per store and period, whichever client it
    /// was; nopCommerce's log entry itself records the request's IP address if the store keeps addresses.
    /// </summary>
    public async Task ReportClientLimitedAsync(ILogger logger, int storeId, int permitsPerMinute)
    {
        var now = _timeProvider.GetUtcNow();
        var last = _lastClientLimitLogged.GetOrAdd(storeId, DateTimeOffset.MinValue);
        if (now - last < Period || !_lastClientLimitLogged.TryUpdate(storeId, now, last))
            return;
        await logger.InsertLogAsync(LogLevel.Information,
            $"{GameballDefaults.SystemName}: a client asked for more than {permitsPerMinute} points previews in a minute and got 429 (its previews stay hidden until the minute is over); this is logged once every {Period.TotalMinutes:0} minutes.",
            "If many shoppers are refused, the store may see them all at one address: behind a proxy or load balancer, configure nopCommerce's forwarded headers (appsettings Hosting: UseProxy, KnownProxies), or raise the limit on the plugin's configuration page.");
    }
}
