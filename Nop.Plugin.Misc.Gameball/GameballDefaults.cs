namespace Nop.Plugin.Misc.Gameball;

/// <summary>
/// Names, routes and keys of the plugin, in one place.
/// </summary>
public static class GameballDefaults
{
    public const string SystemName = "Misc.Gameball";

    public const string PluginFolder = "~/Plugins/" + SystemName;

    public const string LocalePrefix = "Plugins.Misc.Gameball";

    /// <summary>What the keys of the plugin's generic attributes start with.</summary>
    public const string StateKeyPrefix = "Gameball.";

    public const string ConfigurationRouteName = "Plugin.Misc.Gameball.Configure";

    public const string ProductPreviewRouteName = "Plugin.Misc.Gameball.ProductPointsPreview";

    public const string CartPreviewRouteName = "Plugin.Misc.Gameball.CartPointsPreview";

    public const string PreviewScriptRouteName = "Plugin.Misc.Gameball.PreviewScript";

    public const string RedemptionStateRouteName = "Plugin.Misc.Gameball.RedemptionState";

    public const string RedemptionApplyRouteName = "Plugin.Misc.Gameball.RedemptionApply";

    public const string RedemptionRemoveRouteName = "Plugin.Misc.Gameball.RedemptionRemove";

    public const string RedemptionScriptRouteName = "Plugin.Misc.Gameball.RedemptionScript";

    /// <summary>The cart's order totals as nopCommerce renders them, for the one-page checkout's confirm step after the points change.</summary>
    public const string RedemptionTotalsRouteName = "Plugin.Misc.Gameball.RedemptionTotals";

    /// <summary>nopCommerce's order totals view component (Nop.Web.Components.OrderTotalsViewComponent), by its full name.</summary>
    public const string OrderTotalsViewComponentName = "Nop.Web.Components.OrderTotals";

    public const string RedemptionViewPath = "~/Plugins/Misc.Gameball/Views/PointsRedemption.cshtml";

    public const string RedemptionStylesPath = "~/Plugins/Misc.Gameball/Content/points-redemption.css";

    /// <summary>Gameball's default hold time.</summary>
    public const int DefaultRedemptionHoldMinutes = 10;

    /// <summary>Gameball's longest hold time (15 days).</summary>
    public const int MaxRedemptionHoldMinutes = 21_600;

    public const string PreviewViewPath = "~/Plugins/Misc.Gameball/Views/PointsPreview.cshtml";

    /// <summary>A static file of the plugin folder, served by nopCommerce under /Plugins.</summary>
    public const string PreviewStylesPath = "~/Plugins/Misc.Gameball/Content/points-preview.css";

    public const string WidgetViewPath = "~/Plugins/Misc.Gameball/Views/Widget.cshtml";

    /// <summary>Gameball's web widget loader (web SDK v3); it calls window.GbLoadInit once loaded.</summary>
    public const string WidgetScriptUrl = "https://assets.gameball.co/widget/js/gameball-init.min.js";

    /// <summary>
    /// The longest a widget session token lives. nopCommerce's sign-in cookie lives 14 days (sliding); a token
    /// minted on each page view never outlives that session and is never older than this.
    /// </summary>
    public static TimeSpan SessionTokenMaxLifetime { get; } = TimeSpan.FromHours(1);

    /// <summary>A256KW and HS256 use the secret key's UTF-8 bytes; A256KW needs exactly this many.</summary>
    public const int SessionTokenKeyBytes = 32;

    /// <summary>Above this a product preview request is refused as bad input.</summary>
    public const int MaxPreviewQuantity = 10_000;

    public const string DefaultApiBaseUrl = "https://api.gameball.co";

    public const string ApiVersion40 = "v4.0";

    public const string ApiVersion41 = "v4.1";

    public static IReadOnlyList<string> SupportedApiVersions { get; } = [ApiVersion40, ApiVersion41];

    public const string UserAgent = "nopCommerce-Gameball-plugin";

    public const int DefaultRequestTimeoutSeconds = 15;

    public const int DefaultPreviewTimeoutMilliseconds = 1500;

    public const int DefaultPreviewCacheTtlSeconds = 300;

    /// <summary>Points previews one client may ask for a minute: a shopper browsing, even a grouped product's page, stays far below.</summary>
    public const int DefaultPreviewRequestsPerMinutePerClient = 60;

    /// <summary>The largest per-client limit the configuration page accepts.</summary>
    public const int MaxPreviewRequestsPerMinutePerClient = 10_000;

    public const int DefaultMaxSyncAttempts = 12;

    public const int DefaultMaxReviewRewardsPerDay = 3;

    /// <summary>The cookie keeping the referral code a shopper arrived with (nopCommerce's cookies start with ".Nop").</summary>
    public const string ReferralCookieName = ".Nop.Gameball.Referral";

    public static readonly TimeSpan ReferralCookieLifetime = TimeSpan.FromDays(30);

    /// <summary>Gameball's referral links carry referralCode; older links (Magento's) ReferralCode. Query keys are case-insensitive in ASP.NET Core.</summary>
    public const string ReferralQueryParameter = "referralCode";

    public const string SyncTaskName = "Gameball order sync (Gameball plugin)";

    public const int SyncTaskPeriodSeconds = 5 * 60;
}
