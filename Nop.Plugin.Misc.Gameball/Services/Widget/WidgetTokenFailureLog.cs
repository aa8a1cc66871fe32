using System.Collections.Concurrent;
using Nop.Core.Domain.Logging;
using Nop.Services.Logging;

namespace Nop.Plugin.Misc.Gameball.Services.Widget;

/// <summary>
/// Writes to nopCommerce's log, once per store and key length (not once per page view), that signed-in
/// customers get no widget because the secret key cannot key a v4.1 session token. Only the key's length is
/// logged, never the key.
/// </summary>
public sealed class WidgetTokenFailureLog
{
    private readonly ConcurrentDictionary<(int StoreId, int KeyLength), bool> _logged = new();

    public async Task ReportKeyLengthAsync(ILogger logger, int storeId, int keyLength)
    {
        if (!_logged.TryAdd((storeId, keyLength), true))
            return;
        await logger.InsertLogAsync(LogLevel.Warning,
            $"{GameballDefaults.SystemName}: the Gameball widget is not shown to signed-in customers of store {storeId}: API version {GameballDefaults.ApiVersion41} needs a session token, and its A256KW encryption needs a secret key of exactly {GameballDefaults.SessionTokenKeyBytes} bytes (UTF-8); the saved key has {keyLength}.",
            "Ask Gameball for a secret key of 32 characters, or choose API version v4.0 on the plugin's configuration page. Guests still see the widget. This is logged once per store and key length.");
    }
}
