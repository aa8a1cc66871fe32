using Nop.Core.Configuration;
using Nop.Plugin.Misc.Gameball.Services.Actions;

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

    /// <summary>Gameball's web widget on every public page (public API key only; a session token on v4.1).</summary>
    public bool EnableWidget { get; set; }

    /// <summary>Cashback for non-order actions, awarded by admins from the customer page.</summary>
    public bool EnableManualCashback { get; set; }

    /// <summary>Keep registered customers' Gameball profiles in step with the store (POST /customers).</summary>
    public bool SyncCustomerProfiles { get; set; }

    /// <summary>Keep the referral code a shopper arrives with and send it on their creation call.</summary>
    public bool EnableReferrals { get; set; }

    /// <summary>Timeout of one background call to Gameball, in seconds.</summary>
    /// <summary>
    /// The store runs on several nodes over one database without nopCommerce's distributed cache (with it,
    /// the plugin knows by itself). Read from the settings of all stores.
    /// </summary>
    public bool WebFarm { get; set; }

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

    /// <summary>What a customer's registration (once the account is active) earns.</summary>
    public ActionRewardMode RegistrationReward { get; set; }

    /// <summary>The Gameball event name sent for it in <see cref="ActionRewardMode.Event"/> mode.</summary>
    public string? RegistrationEventName { get; set; } = "registered";

    /// <summary>The cashback amount (primary currency) in <see cref="ActionRewardMode.Cashback"/> mode.</summary>
    public decimal RegistrationCashbackAmount { get; set; }

    /// <summary>When the action was switched on: occurrences since then are rewarded, and found by the sweep if their event was missed.</summary>
    public DateTime? RegistrationRewardFromUtc { get; set; }

    /// <summary>What a registered customer's confirmed newsletter subscription earns.</summary>
    public ActionRewardMode NewsletterReward { get; set; }

    /// <summary>The Gameball event name sent for it in <see cref="ActionRewardMode.Event"/> mode.</summary>
    public string? NewsletterEventName { get; set; } = "newsletter_subscribed";

    /// <summary>The cashback amount (primary currency) in <see cref="ActionRewardMode.Cashback"/> mode.</summary>
    public decimal NewsletterCashbackAmount { get; set; }

    /// <summary>When the action was switched on: occurrences since then are rewarded, and found by the sweep if their event was missed.</summary>
    public DateTime? NewsletterRewardFromUtc { get; set; }

    /// <summary>What an approved product review earns.</summary>
    public ActionRewardMode ReviewReward { get; set; }

    /// <summary>The Gameball event name sent for it in <see cref="ActionRewardMode.Event"/> mode.</summary>
    public string? ReviewEventName { get; set; } = "review_approved";

    /// <summary>The cashback amount (primary currency) in <see cref="ActionRewardMode.Cashback"/> mode.</summary>
    public decimal ReviewCashbackAmount { get; set; }

    /// <summary>When the action was switched on: occurrences since then are rewarded, and found by the sweep if their event was missed.</summary>
    public DateTime? ReviewRewardFromUtc { get; set; }

    /// <summary>What an approved blog comment earns.</summary>
    public ActionRewardMode BlogCommentReward { get; set; }

    /// <summary>The Gameball event name sent for it in <see cref="ActionRewardMode.Event"/> mode.</summary>
    public string? BlogCommentEventName { get; set; } = "blog_comment_approved";

    /// <summary>The cashback amount (primary currency) in <see cref="ActionRewardMode.Cashback"/> mode.</summary>
    public decimal BlogCommentCashbackAmount { get; set; }

    /// <summary>When the action was switched on: occurrences since then are rewarded, and found by the sweep if their event was missed.</summary>
    public DateTime? BlogCommentRewardFromUtc { get; set; }

    /// <summary>What an approved news comment earns.</summary>
    public ActionRewardMode NewsCommentReward { get; set; }

    /// <summary>The Gameball event name sent for it in <see cref="ActionRewardMode.Event"/> mode.</summary>
    public string? NewsCommentEventName { get; set; } = "news_comment_approved";

    /// <summary>The cashback amount (primary currency) in <see cref="ActionRewardMode.Cashback"/> mode.</summary>
    public decimal NewsCommentCashbackAmount { get; set; }

    /// <summary>When the action was switched on: occurrences since then are rewarded, and found by the sweep if their event was missed.</summary>
    public DateTime? NewsCommentRewardFromUtc { get; set; }

    /// <summary>What the customer's birthday (from the date of birth, once a year) earns.</summary>
    public ActionRewardMode BirthdayReward { get; set; }

    /// <summary>The Gameball event name sent for it in <see cref="ActionRewardMode.Event"/> mode.</summary>
    public string? BirthdayEventName { get; set; } = "birthday";

    /// <summary>The cashback amount (primary currency) in <see cref="ActionRewardMode.Cashback"/> mode.</summary>
    public decimal BirthdayCashbackAmount { get; set; }

    /// <summary>When the action was switched on: occurrences since then are rewarded, and found by the sweep if their event was missed.</summary>
    public DateTime? BirthdayRewardFromUtc { get; set; }

    /// <summary>Reviews rewarded per customer per (UTC) day; further ones that day earn nothing.</summary>
    public int MaxReviewRewardsPerDay { get; set; } = GameballDefaults.DefaultMaxReviewRewardsPerDay;

    /// <summary>Reviews earn only for products the customer has a paid order of.</summary>
    public bool RewardReviewsOfPurchasedProductsOnly { get; set; }

    /// <summary>Signed-in shoppers may pay with their Gameball points in the cart and at checkout.</summary>
    public bool EnableRedemption { get; set; }

    /// <summary>How long Gameball keeps a hold (the dashboard's hold time; Gameball's default is 10 minutes).</summary>
    public int RedemptionHoldMinutes { get; set; } = GameballDefaults.DefaultRedemptionHoldMinutes;
}
