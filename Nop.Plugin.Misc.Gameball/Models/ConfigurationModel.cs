using System.ComponentModel.DataAnnotations;
using Nop.Plugin.Misc.Gameball.Services.Actions;
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

    [NopResourceDisplayName("Plugins.Misc.Gameball.Fields.EnableRedemption")]
    public bool EnableRedemption { get; set; }
    public bool EnableRedemption_OverrideForStore { get; set; }

    [NopResourceDisplayName("Plugins.Misc.Gameball.Fields.RedemptionHoldMinutes")]
    public int RedemptionHoldMinutes { get; set; } = GameballDefaults.DefaultRedemptionHoldMinutes;
    public bool RedemptionHoldMinutes_OverrideForStore { get; set; }

    [NopResourceDisplayName("Plugins.Misc.Gameball.Fields.EnableWidget")]
    public bool EnableWidget { get; set; }
    public bool EnableWidget_OverrideForStore { get; set; }

    /// <summary>Set by the server only: the widget is on with API v4.1, but the saved secret key cannot key the session token.</summary>
    public bool WidgetKeyWarning { get; set; }

    /// <summary>For all stores only: shown and saved when the page is in the all-stores scope.</summary>
    [NopResourceDisplayName("Plugins.Misc.Gameball.Fields.WebFarm")]
    public bool WebFarm { get; set; }

    public bool WebFarmDetected { get; set; }

    /// <summary>The live nodes this node counts; 0 when it does not run as a farm.</summary>
    public int WebFarmNodes { get; set; }

    [NopResourceDisplayName("Plugins.Misc.Gameball.Fields.EnableManualCashback")]
    public bool EnableManualCashback { get; set; }
    public bool EnableManualCashback_OverrideForStore { get; set; }

    [NopResourceDisplayName("Plugins.Misc.Gameball.Fields.SyncCustomerProfiles")]
    public bool SyncCustomerProfiles { get; set; }
    public bool SyncCustomerProfiles_OverrideForStore { get; set; }

    [NopResourceDisplayName("Plugins.Misc.Gameball.Fields.EnableReferrals")]
    public bool EnableReferrals { get; set; }
    public bool EnableReferrals_OverrideForStore { get; set; }

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

    [NopResourceDisplayName("Plugins.Misc.Gameball.Fields.RegistrationReward")]
    public ActionRewardMode RegistrationReward { get; set; }
    public bool RegistrationReward_OverrideForStore { get; set; }

    [NopResourceDisplayName("Plugins.Misc.Gameball.Fields.RegistrationEventName")]
    public string? RegistrationEventName { get; set; }
    public bool RegistrationEventName_OverrideForStore { get; set; }

    [NopResourceDisplayName("Plugins.Misc.Gameball.Fields.RegistrationCashbackAmount")]
    public decimal RegistrationCashbackAmount { get; set; }
    public bool RegistrationCashbackAmount_OverrideForStore { get; set; }

    [NopResourceDisplayName("Plugins.Misc.Gameball.Fields.NewsletterReward")]
    public ActionRewardMode NewsletterReward { get; set; }
    public bool NewsletterReward_OverrideForStore { get; set; }

    [NopResourceDisplayName("Plugins.Misc.Gameball.Fields.NewsletterEventName")]
    public string? NewsletterEventName { get; set; }
    public bool NewsletterEventName_OverrideForStore { get; set; }

    [NopResourceDisplayName("Plugins.Misc.Gameball.Fields.NewsletterCashbackAmount")]
    public decimal NewsletterCashbackAmount { get; set; }
    public bool NewsletterCashbackAmount_OverrideForStore { get; set; }

    [NopResourceDisplayName("Plugins.Misc.Gameball.Fields.ReviewReward")]
    public ActionRewardMode ReviewReward { get; set; }
    public bool ReviewReward_OverrideForStore { get; set; }

    [NopResourceDisplayName("Plugins.Misc.Gameball.Fields.ReviewEventName")]
    public string? ReviewEventName { get; set; }
    public bool ReviewEventName_OverrideForStore { get; set; }

    [NopResourceDisplayName("Plugins.Misc.Gameball.Fields.ReviewCashbackAmount")]
    public decimal ReviewCashbackAmount { get; set; }
    public bool ReviewCashbackAmount_OverrideForStore { get; set; }

    [NopResourceDisplayName("Plugins.Misc.Gameball.Fields.BlogCommentReward")]
    public ActionRewardMode BlogCommentReward { get; set; }
    public bool BlogCommentReward_OverrideForStore { get; set; }

    [NopResourceDisplayName("Plugins.Misc.Gameball.Fields.BlogCommentEventName")]
    public string? BlogCommentEventName { get; set; }
    public bool BlogCommentEventName_OverrideForStore { get; set; }

    [NopResourceDisplayName("Plugins.Misc.Gameball.Fields.BlogCommentCashbackAmount")]
    public decimal BlogCommentCashbackAmount { get; set; }
    public bool BlogCommentCashbackAmount_OverrideForStore { get; set; }

    [NopResourceDisplayName("Plugins.Misc.Gameball.Fields.NewsCommentReward")]
    public ActionRewardMode NewsCommentReward { get; set; }
    public bool NewsCommentReward_OverrideForStore { get; set; }

    [NopResourceDisplayName("Plugins.Misc.Gameball.Fields.NewsCommentEventName")]
    public string? NewsCommentEventName { get; set; }
    public bool NewsCommentEventName_OverrideForStore { get; set; }

    [NopResourceDisplayName("Plugins.Misc.Gameball.Fields.NewsCommentCashbackAmount")]
    public decimal NewsCommentCashbackAmount { get; set; }
    public bool NewsCommentCashbackAmount_OverrideForStore { get; set; }

    [NopResourceDisplayName("Plugins.Misc.Gameball.Fields.BirthdayReward")]
    public ActionRewardMode BirthdayReward { get; set; }
    public bool BirthdayReward_OverrideForStore { get; set; }

    [NopResourceDisplayName("Plugins.Misc.Gameball.Fields.BirthdayEventName")]
    public string? BirthdayEventName { get; set; }
    public bool BirthdayEventName_OverrideForStore { get; set; }

    [NopResourceDisplayName("Plugins.Misc.Gameball.Fields.BirthdayCashbackAmount")]
    public decimal BirthdayCashbackAmount { get; set; }
    public bool BirthdayCashbackAmount_OverrideForStore { get; set; }

    [NopResourceDisplayName("Plugins.Misc.Gameball.Fields.MaxReviewRewardsPerDay")]
    public int MaxReviewRewardsPerDay { get; set; } = GameballDefaults.DefaultMaxReviewRewardsPerDay;
    public bool MaxReviewRewardsPerDay_OverrideForStore { get; set; }

    [NopResourceDisplayName("Plugins.Misc.Gameball.Fields.RewardReviewsOfPurchasedProductsOnly")]
    public bool RewardReviewsOfPurchasedProductsOnly { get; set; }
    public bool RewardReviewsOfPurchasedProductsOnly_OverrideForStore { get; set; }

    public IReadOnlyList<string> AvailableApiVersions { get; set; } = [];

    public IReadOnlyList<string> AvailableProductZones { get; set; } = [];

    /// <summary>Pending work of every kind (orders, customers' cashback), as the sync log counts rows.</summary>
    public int PendingCount { get; set; }

    /// <summary>Failed work of every kind.</summary>
    public int FailedCount { get; set; }

    /// <summary>Orders sent, points, reversals, the last successful call.</summary>
    public Services.Admin.GameballNumbersModel? Numbers { get; set; }

    /// <summary>The last successful call in the admin's time zone.</summary>
    public DateTime? LastSuccessOn { get; set; }
}

/// <summary>The "Test connection" answer shown on the configuration page.</summary>
public sealed record ConnectionTestResult(bool Success, string Message);
