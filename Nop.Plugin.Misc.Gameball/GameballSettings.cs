using Nop.Core.Configuration;

namespace Nop.Plugin.Misc.Gameball;

/// <summary>
/// The plugin's settings, stored per store by nopCommerce's setting service.
/// </summary>
public class GameballSettings : ISettings
{
    /// <summary>Gameball workspace API key (public; sent as the apikey header).</summary>
    public string? ApiKey { get; set; }

    /// <summary>Gameball secret key (private; sent as the secretkey header, never shown back to anyone).</summary>
    public string? SecretKey { get; set; }

    public string ApiBaseUrl { get; set; } = GameballDefaults.DefaultApiBaseUrl;

    /// <summary>"v4.0" or "v4.1" (secure integration mode: the secret key on every call).</summary>
    public string ApiVersion { get; set; } = GameballDefaults.ApiVersion40;

    public bool EnableOrderTracking { get; set; }

    public bool TrackGuestOrders { get; set; }

    public bool EnableRefundSync { get; set; }

    public bool EnableProductPreview { get; set; }

    /// <summary>The public widget zone of the product page where the points preview renders.</summary>
    public string? ProductPreviewWidgetZone { get; set; }

    public bool EnableCartPreview { get; set; }

    /// <summary>Cashback for non-order actions, awarded by admins from the customer page.</summary>
    public bool EnableManualCashback { get; set; }

    /// <summary>Timeout of one background call to Gameball, in seconds.</summary>
    public int RequestTimeout { get; set; } = GameballDefaults.DefaultRequestTimeoutSeconds;

    /// <summary>Timeout of one points-preview call, in milliseconds (a shopper is waiting).</summary>
    public int PreviewRequestTimeoutMilliseconds { get; set; } = GameballDefaults.DefaultPreviewTimeoutMilliseconds;

    public int PreviewCacheTtlSeconds { get; set; } = GameballDefaults.DefaultPreviewCacheTtlSeconds;

    /// <summary>Points preview requests one client (IP address) may make a minute; more get 429. 0 = no limit.</summary>
    public int PreviewRequestsPerMinutePerClient { get; set; } = GameballDefaults.DefaultPreviewRequestsPerMinutePerClient;

    /// <summary>Attempts after which an order or refund is marked failed for the admin.</summary>
    public int MaxSyncAttempts { get; set; } = GameballDefaults.DefaultMaxSyncAttempts;

    /// <summary>Orders paid since this moment are tracked (set when tracking is first enabled).</summary>
    public DateTime? TrackingEnabledFromUtc { get; set; }
}
