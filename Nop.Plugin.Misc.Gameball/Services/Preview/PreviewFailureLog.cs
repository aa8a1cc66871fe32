using System.Collections.Concurrent;
using Nop.Core.Domain.Logging;
using Nop.Plugin.Misc.Gameball.Services.Api;
using Nop.Services.Logging;

namespace Nop.Plugin.Misc.Gameball.Services.Preview;

/// <summary>
/// Writes a failed preview to nopCommerce's log once per store, kind of failure and period, not once
/// per page view: an outage during a sale must not flood the log.
/// </summary>
public sealed class PreviewFailureLog
{
    public static TimeSpan Period { get; } = TimeSpan.FromMinutes(10);

    private readonly ConcurrentDictionary<(int StoreId, GameballErrorKind Kind), DateTimeOffset> _lastLogged = new();
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
}
