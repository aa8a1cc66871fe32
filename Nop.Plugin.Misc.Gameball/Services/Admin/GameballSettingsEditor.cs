using System.Linq.Expressions;
using Nop.Core;
using Nop.Plugin.Misc.Gameball.Models;
using Nop.Plugin.Misc.Gameball.Services.Actions;
using Nop.Plugin.Misc.Gameball.Services.WebFarm;
using Nop.Plugin.Misc.Gameball.Services.Widget;
using Nop.Services.Configuration;
using Nop.Web.Framework.Infrastructure;

namespace Nop.Plugin.Misc.Gameball.Services.Admin;

/// <summary>
/// Moves the configuration page's values between <see cref="GameballSettings"/> and the page, per store
/// scope with nopCommerce's "override for this store" semantics. The secret key only ever goes in.
/// </summary>
public class GameballSettingsEditor
{
    private readonly ISettingService _settingService;
    private readonly IStoreContext _storeContext;
    private readonly TimeProvider _timeProvider;
    private readonly WebFarmMembership _farm;

    public GameballSettingsEditor(ISettingService settingService, IStoreContext storeContext, TimeProvider timeProvider, WebFarmMembership farm)
    {
        _settingService = settingService;
        _storeContext = storeContext;
        _timeProvider = timeProvider;
        _farm = farm;
    }

    public async Task<GameballSettings> LoadForScopeAsync() => await _settingService.LoadSettingAsync<GameballSettings>(await _storeContext.GetActiveStoreScopeConfigurationAsync());

    public async Task<ConfigurationModel> PrepareModelAsync()
    {
        var scope = await _storeContext.GetActiveStoreScopeConfigurationAsync();
        var s = await _settingService.LoadSettingAsync<GameballSettings>(scope);
        var model = new ConfigurationModel
        {
            ActiveStoreScopeConfiguration = scope,
            ApiKey = s.ApiKey,
            SecretKey = null,
            SecretKeyIsSet = !string.IsNullOrEmpty(s.SecretKey),
            ApiBaseUrl = s.ApiBaseUrl,
            ApiVersion = s.ApiVersion,
            EnableOrderTracking = s.EnableOrderTracking,
            TrackGuestOrders = s.TrackGuestOrders,
            EnableRefundSync = s.EnableRefundSync,
            EnableProductPreview = s.EnableProductPreview,
            ProductPreviewWidgetZone = s.ProductPreviewWidgetZone,
            EnableCartPreview = s.EnableCartPreview,
            EnableRedemption = s.EnableRedemption,
            RedemptionHoldMinutes = s.RedemptionHoldMinutes,
            EnableManualCashback = s.EnableManualCashback,
            SyncCustomerProfiles = s.SyncCustomerProfiles,
            EnableReferrals = s.EnableReferrals,
            EnableWidget = s.EnableWidget,
            WidgetKeyWarning = WidgetKeyWarningFor(s),
            WebFarm = s.WebFarm,
            WebFarmDetected = _farm.DetectedFromDistributedCache,
            WebFarmNodes = _farm.IsFarm ? _farm.NodeCount : 0,
            RequestTimeout = s.RequestTimeout,
            PreviewRequestTimeoutMilliseconds = s.PreviewRequestTimeoutMilliseconds,
            PreviewCacheTtlSeconds = s.PreviewCacheTtlSeconds,
            PreviewRequestsPerMinutePerClient = s.PreviewRequestsPerMinutePerClient,
            MaxSyncAttempts = s.MaxSyncAttempts,
            RegistrationReward = s.RegistrationReward,
            RegistrationEventName = s.RegistrationEventName,
            RegistrationCashbackAmount = s.RegistrationCashbackAmount,
            NewsletterReward = s.NewsletterReward,
            NewsletterEventName = s.NewsletterEventName,
            NewsletterCashbackAmount = s.NewsletterCashbackAmount,
            ReviewReward = s.ReviewReward,
            ReviewEventName = s.ReviewEventName,
            ReviewCashbackAmount = s.ReviewCashbackAmount,
            BlogCommentReward = s.BlogCommentReward,
            BlogCommentEventName = s.BlogCommentEventName,
            BlogCommentCashbackAmount = s.BlogCommentCashbackAmount,
            NewsCommentReward = s.NewsCommentReward,
            NewsCommentEventName = s.NewsCommentEventName,
            NewsCommentCashbackAmount = s.NewsCommentCashbackAmount,
            BirthdayReward = s.BirthdayReward,
            BirthdayEventName = s.BirthdayEventName,
            BirthdayCashbackAmount = s.BirthdayCashbackAmount,
            MaxReviewRewardsPerDay = s.MaxReviewRewardsPerDay,
            RewardReviewsOfPurchasedProductsOnly = s.RewardReviewsOfPurchasedProductsOnly,
        };
        if (scope > 0)
        {
            model.ApiKey_OverrideForStore = await Overridden(s, x => x.ApiKey, scope);
            model.SecretKey_OverrideForStore = await Overridden(s, x => x.SecretKey, scope);
            model.ApiBaseUrl_OverrideForStore = await Overridden(s, x => x.ApiBaseUrl, scope);
            model.ApiVersion_OverrideForStore = await Overridden(s, x => x.ApiVersion, scope);
            model.EnableOrderTracking_OverrideForStore = await Overridden(s, x => x.EnableOrderTracking, scope);
            model.TrackGuestOrders_OverrideForStore = await Overridden(s, x => x.TrackGuestOrders, scope);
            model.EnableRefundSync_OverrideForStore = await Overridden(s, x => x.EnableRefundSync, scope);
            model.EnableProductPreview_OverrideForStore = await Overridden(s, x => x.EnableProductPreview, scope);
            model.ProductPreviewWidgetZone_OverrideForStore = await Overridden(s, x => x.ProductPreviewWidgetZone, scope);
            model.EnableCartPreview_OverrideForStore = await Overridden(s, x => x.EnableCartPreview, scope);
            model.EnableRedemption_OverrideForStore = await Overridden(s, x => x.EnableRedemption, scope);
            model.RedemptionHoldMinutes_OverrideForStore = await Overridden(s, x => x.RedemptionHoldMinutes, scope);
            model.EnableManualCashback_OverrideForStore = await Overridden(s, x => x.EnableManualCashback, scope);
            model.SyncCustomerProfiles_OverrideForStore = await Overridden(s, x => x.SyncCustomerProfiles, scope);
            model.EnableReferrals_OverrideForStore = await Overridden(s, x => x.EnableReferrals, scope);
            model.EnableWidget_OverrideForStore = await Overridden(s, x => x.EnableWidget, scope);
            model.RequestTimeout_OverrideForStore = await Overridden(s, x => x.RequestTimeout, scope);
            model.PreviewRequestTimeoutMilliseconds_OverrideForStore = await Overridden(s, x => x.PreviewRequestTimeoutMilliseconds, scope);
            model.PreviewCacheTtlSeconds_OverrideForStore = await Overridden(s, x => x.PreviewCacheTtlSeconds, scope);
            model.PreviewRequestsPerMinutePerClient_OverrideForStore = await Overridden(s, x => x.PreviewRequestsPerMinutePerClient, scope);
            model.MaxSyncAttempts_OverrideForStore = await Overridden(s, x => x.MaxSyncAttempts, scope);
            model.RegistrationReward_OverrideForStore = await Overridden(s, x => x.RegistrationReward, scope);
            model.RegistrationEventName_OverrideForStore = await Overridden(s, x => x.RegistrationEventName, scope);
            model.RegistrationCashbackAmount_OverrideForStore = await Overridden(s, x => x.RegistrationCashbackAmount, scope);
            model.NewsletterReward_OverrideForStore = await Overridden(s, x => x.NewsletterReward, scope);
            model.NewsletterEventName_OverrideForStore = await Overridden(s, x => x.NewsletterEventName, scope);
            model.NewsletterCashbackAmount_OverrideForStore = await Overridden(s, x => x.NewsletterCashbackAmount, scope);
            model.ReviewReward_OverrideForStore = await Overridden(s, x => x.ReviewReward, scope);
            model.ReviewEventName_OverrideForStore = await Overridden(s, x => x.ReviewEventName, scope);
            model.ReviewCashbackAmount_OverrideForStore = await Overridden(s, x => x.ReviewCashbackAmount, scope);
            model.BlogCommentReward_OverrideForStore = await Overridden(s, x => x.BlogCommentReward, scope);
            model.BlogCommentEventName_OverrideForStore = await Overridden(s, x => x.BlogCommentEventName, scope);
            model.BlogCommentCashbackAmount_OverrideForStore = await Overridden(s, x => x.BlogCommentCashbackAmount, scope);
            model.NewsCommentReward_OverrideForStore = await Overridden(s, x => x.NewsCommentReward, scope);
            model.NewsCommentEventName_OverrideForStore = await Overridden(s, x => x.NewsCommentEventName, scope);
            model.NewsCommentCashbackAmount_OverrideForStore = await Overridden(s, x => x.NewsCommentCashbackAmount, scope);
            model.BirthdayReward_OverrideForStore = await Overridden(s, x => x.BirthdayReward, scope);
            model.BirthdayEventName_OverrideForStore = await Overridden(s, x => x.BirthdayEventName, scope);
            model.BirthdayCashbackAmount_OverrideForStore = await Overridden(s, x => x.BirthdayCashbackAmount, scope);
            model.MaxReviewRewardsPerDay_OverrideForStore = await Overridden(s, x => x.MaxReviewRewardsPerDay, scope);
            model.RewardReviewsOfPurchasedProductsOnly_OverrideForStore = await Overridden(s, x => x.RewardReviewsOfPurchasedProductsOnly, scope);
        }

        return FillChoices(model);
    }

    /// <summary>
    /// The widget is on with API v4.1, but the saved secret key is not the 32 bytes a session token's A256KW
    /// needs: signed-in customers get no widget (guests still do).
    /// </summary>
    public static bool WidgetKeyWarningFor(GameballSettings settings) =>
        settings.EnableWidget && settings.ApiVersion == GameballDefaults.ApiVersion41 && !GameballSessionToken.IsUsableKey(settings.SecretKey);

    public static ConfigurationModel FillChoices(ConfigurationModel model)
    {
        model.AvailableApiVersions = GameballDefaults.SupportedApiVersions;
        model.AvailableProductZones =
        [
            PublicWidgetZones.ProductDetailsOverviewBottom, "productdetails_overview_top", "productdetails_essential_top", "productdetails_essential_bottom",
            "productdetails_inside_overview_buttons_before", "productdetails_inside_overview_buttons_after", "product_price_bottom"
        ];
        return model;
    }

    /// <summary>Saves the page's values; an empty secret key keeps the saved one.</summary>
    public async Task SaveAsync(ConfigurationModel model)
    {
        var scope = await _storeContext.GetActiveStoreScopeConfigurationAsync();
        var s = await _settingService.LoadSettingAsync<GameballSettings>(scope);
        var trackingWasOn = s.EnableOrderTracking;
        var actionsWereOn = ActionRules.SwitchedOn(s);

        s.ApiKey = model.ApiKey?.Trim();
        if (!string.IsNullOrWhiteSpace(model.SecretKey))
            s.SecretKey = model.SecretKey.Trim();
        s.ApiBaseUrl = model.ApiBaseUrl?.Trim().TrimEnd('/') ?? GameballDefaults.DefaultApiBaseUrl;
        s.ApiVersion = model.ApiVersion ?? GameballDefaults.ApiVersion40;
        s.EnableOrderTracking = model.EnableOrderTracking;
        s.TrackGuestOrders = model.TrackGuestOrders;
        s.EnableRefundSync = model.EnableRefundSync;
        s.EnableProductPreview = model.EnableProductPreview;
        s.ProductPreviewWidgetZone = model.ProductPreviewWidgetZone;
        s.EnableCartPreview = model.EnableCartPreview;
        s.EnableRedemption = model.EnableRedemption;
        s.RedemptionHoldMinutes = model.RedemptionHoldMinutes;
        s.EnableManualCashback = model.EnableManualCashback;
        s.SyncCustomerProfiles = model.SyncCustomerProfiles;
        s.EnableReferrals = model.EnableReferrals;
        s.EnableWidget = model.EnableWidget;
        s.RequestTimeout = model.RequestTimeout;
        s.PreviewRequestTimeoutMilliseconds = model.PreviewRequestTimeoutMilliseconds;
        s.PreviewCacheTtlSeconds = model.PreviewCacheTtlSeconds;
        s.PreviewRequestsPerMinutePerClient = model.PreviewRequestsPerMinutePerClient;
        s.MaxSyncAttempts = model.MaxSyncAttempts;
        s.RegistrationReward = model.RegistrationReward;
        s.RegistrationCashbackAmount = model.RegistrationCashbackAmount;
        s.NewsletterReward = model.NewsletterReward;
        s.NewsletterCashbackAmount = model.NewsletterCashbackAmount;
        s.ReviewReward = model.ReviewReward;
        s.ReviewCashbackAmount = model.ReviewCashbackAmount;
        s.BlogCommentReward = model.BlogCommentReward;
        s.BlogCommentCashbackAmount = model.BlogCommentCashbackAmount;
        s.NewsCommentReward = model.NewsCommentReward;
        s.NewsCommentCashbackAmount = model.NewsCommentCashbackAmount;
        s.BirthdayReward = model.BirthdayReward;
        s.BirthdayCashbackAmount = model.BirthdayCashbackAmount;
        s.MaxReviewRewardsPerDay = model.MaxReviewRewardsPerDay;
        s.RewardReviewsOfPurchasedProductsOnly = model.RewardReviewsOfPurchasedProductsOnly;
        s.RegistrationEventName = string.IsNullOrWhiteSpace(model.RegistrationEventName) ? s.RegistrationEventName : model.RegistrationEventName.Trim();
        s.NewsletterEventName = string.IsNullOrWhiteSpace(model.NewsletterEventName) ? s.NewsletterEventName : model.NewsletterEventName.Trim();
        s.ReviewEventName = string.IsNullOrWhiteSpace(model.ReviewEventName) ? s.ReviewEventName : model.ReviewEventName.Trim();
        s.BlogCommentEventName = string.IsNullOrWhiteSpace(model.BlogCommentEventName) ? s.BlogCommentEventName : model.BlogCommentEventName.Trim();
        s.NewsCommentEventName = string.IsNullOrWhiteSpace(model.NewsCommentEventName) ? s.NewsCommentEventName : model.NewsCommentEventName.Trim();
        s.BirthdayEventName = string.IsNullOrWhiteSpace(model.BirthdayEventName) ? s.BirthdayEventName : model.BirthdayEventName.Trim();

        await Save(s, x => x.ApiKey, model.ApiKey_OverrideForStore, scope);
        await Save(s, x => x.SecretKey, model.SecretKey_OverrideForStore, scope);
        await Save(s, x => x.ApiBaseUrl, model.ApiBaseUrl_OverrideForStore, scope);
        await Save(s, x => x.ApiVersion, model.ApiVersion_OverrideForStore, scope);
        await Save(s, x => x.EnableOrderTracking, model.EnableOrderTracking_OverrideForStore, scope);
        await Save(s, x => x.TrackGuestOrders, model.TrackGuestOrders_OverrideForStore, scope);
        await Save(s, x => x.EnableRefundSync, model.EnableRefundSync_OverrideForStore, scope);
        await Save(s, x => x.EnableProductPreview, model.EnableProductPreview_OverrideForStore, scope);
        await Save(s, x => x.ProductPreviewWidgetZone, model.ProductPreviewWidgetZone_OverrideForStore, scope);
        await Save(s, x => x.EnableCartPreview, model.EnableCartPreview_OverrideForStore, scope);
        await Save(s, x => x.EnableRedemption, model.EnableRedemption_OverrideForStore, scope);
        await Save(s, x => x.RedemptionHoldMinutes, model.RedemptionHoldMinutes_OverrideForStore, scope);
        await Save(s, x => x.EnableManualCashback, model.EnableManualCashback_OverrideForStore, scope);
        await Save(s, x => x.SyncCustomerProfiles, model.SyncCustomerProfiles_OverrideForStore, scope);
        await Save(s, x => x.EnableReferrals, model.EnableReferrals_OverrideForStore, scope);
        await Save(s, x => x.EnableWidget, model.EnableWidget_OverrideForStore, scope);
        await Save(s, x => x.RequestTimeout, model.RequestTimeout_OverrideForStore, scope);
        await Save(s, x => x.PreviewRequestTimeoutMilliseconds, model.PreviewRequestTimeoutMilliseconds_OverrideForStore, scope);
        await Save(s, x => x.PreviewCacheTtlSeconds, model.PreviewCacheTtlSeconds_OverrideForStore, scope);
        await Save(s, x => x.PreviewRequestsPerMinutePerClient, model.PreviewRequestsPerMinutePerClient_OverrideForStore, scope);
        await Save(s, x => x.MaxSyncAttempts, model.MaxSyncAttempts_OverrideForStore, scope);
        if (scope == 0)
        {
            s.WebFarm = model.WebFarm;
            await Save(s, x => x.WebFarm, false, 0);
        }
        await Save(s, x => x.RegistrationReward, model.RegistrationReward_OverrideForStore, scope);
        await Save(s, x => x.RegistrationEventName, model.RegistrationEventName_OverrideForStore, scope);
        await Save(s, x => x.RegistrationCashbackAmount, model.RegistrationCashbackAmount_OverrideForStore, scope);
        await Save(s, x => x.NewsletterReward, model.NewsletterReward_OverrideForStore, scope);
        await Save(s, x => x.NewsletterEventName, model.NewsletterEventName_OverrideForStore, scope);
        await Save(s, x => x.NewsletterCashbackAmount, model.NewsletterCashbackAmount_OverrideForStore, scope);
        await Save(s, x => x.ReviewReward, model.ReviewReward_OverrideForStore, scope);
        await Save(s, x => x.ReviewEventName, model.ReviewEventName_OverrideForStore, scope);
        await Save(s, x => x.ReviewCashbackAmount, model.ReviewCashbackAmount_OverrideForStore, scope);
        await Save(s, x => x.BlogCommentReward, model.BlogCommentReward_OverrideForStore, scope);
        await Save(s, x => x.BlogCommentEventName, model.BlogCommentEventName_OverrideForStore, scope);
        await Save(s, x => x.BlogCommentCashbackAmount, model.BlogCommentCashbackAmount_OverrideForStore, scope);
        await Save(s, x => x.NewsCommentReward, model.NewsCommentReward_OverrideForStore, scope);
        await Save(s, x => x.NewsCommentEventName, model.NewsCommentEventName_OverrideForStore, scope);
        await Save(s, x => x.NewsCommentCashbackAmount, model.NewsCommentCashbackAmount_OverrideForStore, scope);
        await Save(s, x => x.BirthdayReward, model.BirthdayReward_OverrideForStore, scope);
        await Save(s, x => x.BirthdayEventName, model.BirthdayEventName_OverrideForStore, scope);
        await Save(s, x => x.BirthdayCashbackAmount, model.BirthdayCashbackAmount_OverrideForStore, scope);
        await Save(s, x => x.MaxReviewRewardsPerDay, model.MaxReviewRewardsPerDay_OverrideForStore, scope);
        await Save(s, x => x.RewardReviewsOfPurchasedProductsOnly, model.RewardReviewsOfPurchasedProductsOnly_OverrideForStore, scope);

        // orders paid from the moment tracking is switched on are tracked, not older ones
        if (s.EnableOrderTracking && (!trackingWasOn || s.TrackingEnabledFromUtc is null))
        {
            s.TrackingEnabledFromUtc = _timeProvider.GetUtcNow().UtcDateTime;
            await Save(s, x => x.TrackingEnabledFromUtc, model.EnableOrderTracking_OverrideForStore, scope);
        }

        // each action rewards what happens from the moment it is switched on, not what happened before
        var now = _timeProvider.GetUtcNow().UtcDateTime;
        if (s.RegistrationReward != ActionRewardMode.Off && (!actionsWereOn.Contains(nameof(s.RegistrationReward)) || s.RegistrationRewardFromUtc is null))
        {
            s.RegistrationRewardFromUtc = now;
            await Save(s, x => x.RegistrationRewardFromUtc, model.RegistrationReward_OverrideForStore, scope);
        }

        if (s.NewsletterReward != ActionRewardMode.Off && (!actionsWereOn.Contains(nameof(s.NewsletterReward)) || s.NewsletterRewardFromUtc is null))
        {
            s.NewsletterRewardFromUtc = now;
            await Save(s, x => x.NewsletterRewardFromUtc, model.NewsletterReward_OverrideForStore, scope);
        }

        if (s.ReviewReward != ActionRewardMode.Off && (!actionsWereOn.Contains(nameof(s.ReviewReward)) || s.ReviewRewardFromUtc is null))
        {
            s.ReviewRewardFromUtc = now;
            await Save(s, x => x.ReviewRewardFromUtc, model.ReviewReward_OverrideForStore, scope);
        }

        if (s.BlogCommentReward != ActionRewardMode.Off && (!actionsWereOn.Contains(nameof(s.BlogCommentReward)) || s.BlogCommentRewardFromUtc is null))
        {
            s.BlogCommentRewardFromUtc = now;
            await Save(s, x => x.BlogCommentRewardFromUtc, model.BlogCommentReward_OverrideForStore, scope);
        }

        if (s.NewsCommentReward != ActionRewardMode.Off && (!actionsWereOn.Contains(nameof(s.NewsCommentReward)) || s.NewsCommentRewardFromUtc is null))
        {
            s.NewsCommentRewardFromUtc = now;
            await Save(s, x => x.NewsCommentRewardFromUtc, model.NewsCommentReward_OverrideForStore, scope);
        }

        if (s.BirthdayReward != ActionRewardMode.Off && (!actionsWereOn.Contains(nameof(s.BirthdayReward)) || s.BirthdayRewardFromUtc is null))
        {
            s.BirthdayRewardFromUtc = now;
            await Save(s, x => x.BirthdayRewardFromUtc, model.BirthdayReward_OverrideForStore, scope);
        }

        await _settingService.ClearCacheAsync();
    }

    private Task<bool> Overridden<TProp>(GameballSettings settings, Expression<Func<GameballSettings, TProp>> selector, int scope) =>
        _settingService.SettingExistsAsync(settings, selector, scope);

    private Task Save<TProp>(GameballSettings settings, Expression<Func<GameballSettings, TProp>> selector, bool overrideForStore, int scope) =>
        _settingService.SaveSettingOverridablePerStoreAsync(settings, selector, overrideForStore, scope, false);
}
