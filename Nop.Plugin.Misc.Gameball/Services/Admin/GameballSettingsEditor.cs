using System.Linq.Expressions;
using Nop.Core;
using Nop.Plugin.Misc.Gameball.Models;
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

    public GameballSettingsEditor(ISettingService settingService, IStoreContext storeContext, TimeProvider timeProvider)
    {
        _settingService = settingService;
        _storeContext = storeContext;
        _timeProvider = timeProvider;
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
            EnableManualCashback = s.EnableManualCashback,
            RequestTimeout = s.RequestTimeout,
            PreviewRequestTimeoutMilliseconds = s.PreviewRequestTimeoutMilliseconds,
            PreviewCacheTtlSeconds = s.PreviewCacheTtlSeconds,
            PreviewRequestsPerMinutePerClient = s.PreviewRequestsPerMinutePerClient,
            MaxSyncAttempts = s.MaxSyncAttempts,
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
            model.EnableManualCashback_OverrideForStore = await Overridden(s, x => x.EnableManualCashback, scope);
            model.RequestTimeout_OverrideForStore = await Overridden(s, x => x.RequestTimeout, scope);
            model.PreviewRequestTimeoutMilliseconds_OverrideForStore = await Overridden(s, x => x.PreviewRequestTimeoutMilliseconds, scope);
            model.PreviewCacheTtlSeconds_OverrideForStore = await Overridden(s, x => x.PreviewCacheTtlSeconds, scope);
            model.PreviewRequestsPerMinutePerClient_OverrideForStore = await Overridden(s, x => x.PreviewRequestsPerMinutePerClient, scope);
            model.MaxSyncAttempts_OverrideForStore = await Overridden(s, x => x.MaxSyncAttempts, scope);
        }

        return FillChoices(model);
    }

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
        s.EnableManualCashback = model.EnableManualCashback;
        s.RequestTimeout = model.RequestTimeout;
        s.PreviewRequestTimeoutMilliseconds = model.PreviewRequestTimeoutMilliseconds;
        s.PreviewCacheTtlSeconds = model.PreviewCacheTtlSeconds;
        s.PreviewRequestsPerMinutePerClient = model.PreviewRequestsPerMinutePerClient;
        s.MaxSyncAttempts = model.MaxSyncAttempts;

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
        await Save(s, x => x.EnableManualCashback, model.EnableManualCashback_OverrideForStore, scope);
        await Save(s, x => x.RequestTimeout, model.RequestTimeout_OverrideForStore, scope);
        await Save(s, x => x.PreviewRequestTimeoutMilliseconds, model.PreviewRequestTimeoutMilliseconds_OverrideForStore, scope);
        await Save(s, x => x.PreviewCacheTtlSeconds, model.PreviewCacheTtlSeconds_OverrideForStore, scope);
        await Save(s, x => x.PreviewRequestsPerMinutePerClient, model.PreviewRequestsPerMinutePerClient_OverrideForStore, scope);
        await Save(s, x => x.MaxSyncAttempts, model.MaxSyncAttempts_OverrideForStore, scope);

        // orders paid from the moment tracking is switched on are tracked, not older ones
        if (s.EnableOrderTracking && (!trackingWasOn || s.TrackingEnabledFromUtc is null))
        {
            s.TrackingEnabledFromUtc = _timeProvider.GetUtcNow().UtcDateTime;
            await Save(s, x => x.TrackingEnabledFromUtc, model.EnableOrderTracking_OverrideForStore, scope);
        }

        await _settingService.ClearCacheAsync();
    }

    private Task<bool> Overridden<TProp>(GameballSettings settings, Expression<Func<GameballSettings, TProp>> selector, int scope) =>
        _settingService.SettingExistsAsync(settings, selector, scope);

    private Task Save<TProp>(GameballSettings settings, Expression<Func<GameballSettings, TProp>> selector, bool overrideForStore, int scope) =>
        _settingService.SaveSettingOverridablePerStoreAsync(settings, selector, overrideForStore, scope, false);
}
