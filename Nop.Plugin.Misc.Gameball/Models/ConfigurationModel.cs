using System.ComponentModel.DataAnnotations;
using Nop.Web.Framework.Models;
using Nop.Web.Framework.Mvc.ModelBinding;

namespace Nop.Plugin.Misc.Gameball.Models;

/// <summary>
/// The configuration page. The secret key is write-only: the page never receives it, only whether one
/// is saved; an empty field on save keeps the saved key.
/// </summary>
public record ConfigurationModel : BaseNopModel
{
    public int ActiveStoreScopeConfiguration { get; set; }

    [NopResourceDisplayName("Plugins.Misc.Gameball.Fields.ApiKey")]
    public string? ApiKey { get; set; }
    public bool ApiKey_OverrideForStore { get; set; }

    [NopResourceDisplayName("Plugins.Misc.Gameball.Fields.SecretKey")]
    [DataType(DataType.Password)]
    public string? SecretKey { get; set; }
    public bool SecretKey_OverrideForStore { get; set; }

    /// <summary>Set by the server only: whether a secret key is saved.</summary>
    public bool SecretKeyIsSet { get; set; }

    [NopResourceDisplayName("Plugins.Misc.Gameball.Fields.ApiBaseUrl")]
    public string? ApiBaseUrl { get; set; }
    public bool ApiBaseUrl_OverrideForStore { get; set; }

    [NopResourceDisplayName("Plugins.Misc.Gameball.Fields.ApiVersion")]
    public string? ApiVersion { get; set; }
    public bool ApiVersion_OverrideForStore { get; set; }

    [NopResourceDisplayName("Plugins.Misc.Gameball.Fields.EnableOrderTracking")]
    public bool EnableOrderTracking { get; set; }
    public bool EnableOrderTracking_OverrideForStore { get; set; }

    [NopResourceDisplayName("Plugins.Misc.Gameball.Fields.TrackGuestOrders")]
    public bool TrackGuestOrders { get; set; }
    public bool TrackGuestOrders_OverrideForStore { get; set; }

    [NopResourceDisplayName("Plugins.Misc.Gameball.Fields.EnableRefundSync")]
    public bool EnableRefundSync { get; set; }
    public bool EnableRefundSync_OverrideForStore { get; set; }

    [NopResourceDisplayName("Plugins.Misc.Gameball.Fields.EnableProductPreview")]
    public bool EnableProductPreview { get; set; }
    public bool EnableProductPreview_OverrideForStore { get; set; }

    [NopResourceDisplayName("Plugins.Misc.Gameball.Fields.ProductPreviewWidgetZone")]
    public string? ProductPreviewWidgetZone { get; set; }
    public bool ProductPreviewWidgetZone_OverrideForStore { get; set; }

    [NopResourceDisplayName("Plugins.Misc.Gameball.Fields.EnableCartPreview")]
    public bool EnableCartPreview { get; set; }
    public bool EnableCartPreview_OverrideForStore { get; set; }

    [NopResourceDisplayName("Plugins.Misc.Gameball.Fields.EnableManualCashback")]
    public bool EnableManualCashback { get; set; }
    public bool EnableManualCashback_OverrideForStore { get; set; }

    [NopResourceDisplayName("Plugins.Misc.Gameball.Fields.RequestTimeout")]
    public int RequestTimeout { get; set; }
    public bool RequestTimeout_OverrideForStore { get; set; }

    [NopResourceDisplayName("Plugins.Misc.Gameball.Fields.PreviewRequestTimeoutMilliseconds")]
    public int PreviewRequestTimeoutMilliseconds { get; set; }
    public bool PreviewRequestTimeoutMilliseconds_OverrideForStore { get; set; }

    [NopResourceDisplayName("Plugins.Misc.Gameball.Fields.PreviewCacheTtlSeconds")]
    public int PreviewCacheTtlSeconds { get; set; }
    public bool PreviewCacheTtlSeconds_OverrideForStore { get; set; }

    [NopResourceDisplayName("Plugins.Misc.Gameball.Fields.PreviewRequestsPerMinutePerClient")]
    public int PreviewRequestsPerMinutePerClient { get; set; }
    public bool PreviewRequestsPerMinutePerClient_OverrideForStore { get; set; }

    [NopResourceDisplayName("Plugins.Misc.Gameball.Fields.MaxSyncAttempts")]
    public int MaxSyncAttempts { get; set; }
    public bool MaxSyncAttempts_OverrideForStore { get; set; }

    public IReadOnlyList<string> AvailableApiVersions { get; set; } = [];

    public IReadOnlyList<string> AvailableProductZones { get; set; } = [];

    /// <summary>Pending work of every kind (orders, customers' cashback), as the sync log counts rows.</summary>
    public int PendingCount { get; set; }

    /// <summary>Failed work of every kind.</summary>
    public int FailedCount { get; set; }
}

/// <summary>The "Test connection" answer shown on the configuration page.</summary>
public sealed record ConnectionTestResult(bool Success, string Message);
