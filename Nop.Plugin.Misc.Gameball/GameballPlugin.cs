using Nop.Core.Domain.Cms;
using Nop.Core.Domain.Logging;
using Nop.Core.Domain.ScheduleTasks;
using Nop.Data;
using Nop.Plugin.Misc.Gameball.Services;
using Nop.Plugin.Misc.Gameball.Services.Admin;
using Nop.Plugin.Misc.Gameball.Services.Outbox;
using Nop.Services.Cms;
using Nop.Services.Common;
using Nop.Services.Configuration;
using Nop.Services.Localization;
using Nop.Services.Logging;
using Nop.Services.Plugins;
using Nop.Services.ScheduleTasks;
using Nop.Web.Framework.Infrastructure;
using Nop.Web.Framework.Mvc.Routing;

namespace Nop.Plugin.Misc.Gameball;

/// <summary>
/// Connects the store to Gameball: order tracking with cashback, points previews, manual cashback.
/// </summary>
public class GameballPlugin : BasePlugin, IMiscPlugin, IWidgetPlugin
{
    private readonly IRepository<ActivityLogType> _activityLogTypeRepository;
    private readonly DuplicateStateRows _duplicateStateRows;
    private readonly ILanguageService _languageService;
    private readonly ILocalizationService _localizationService;
    private readonly ILogger _logger;
    private readonly INopUrlHelper _nopUrlHelper;
    private readonly IScheduleTaskService _scheduleTaskService;
    private readonly ISettingService _settingService;
    private readonly WidgetSettings _widgetSettings;
    private readonly GameballWidgetZones _widgetZones;

    public GameballPlugin(IRepository<ActivityLogType> activityLogTypeRepository,
        DuplicateStateRows duplicateStateRows,
        ILanguageService languageService,
        ILocalizationService localizationService,
        ILogger logger,
        INopUrlHelper nopUrlHelper,
        IScheduleTaskService scheduleTaskService,
        ISettingService settingService,
        WidgetSettings widgetSettings,
        GameballWidgetZones widgetZones)
    {
        _activityLogTypeRepository = activityLogTypeRepository;
        _duplicateStateRows = duplicateStateRows;
        _languageService = languageService;
        _localizationService = localizationService;
        _logger = logger;
        _nopUrlHelper = nopUrlHelper;
        _scheduleTaskService = scheduleTaskService;
        _settingService = settingService;
        _widgetSettings = widgetSettings;
        _widgetZones = widgetZones;
    }

    public bool HideInWidgetList => true;

    public override string GetConfigurationPageUrl() => _nopUrlHelper.RouteUrl(GameballDefaults.ConfigurationRouteName);

    public Task<IList<string>> GetWidgetZonesAsync() => _widgetZones.GetZonesAsync();

    public Type GetWidgetViewComponent(string widgetZone) => _widgetZones.GetViewComponent(widgetZone);

    public override async Task InstallAsync()
    {
        await _settingService.SaveSettingAsync(CreateDefaultSettings());
        // English for every language, Arabic over it for each Arabic language (hidden ones too)
        await GameballLocales.InstallAsync(_localizationService, await _languageService.GetAllLanguagesAsync(showHidden: true));

        if (!_widgetSettings.ActiveWidgetSystemNames.Contains(GameballDefaults.SystemName))
        {
            _widgetSettings.ActiveWidgetSystemNames.Add(GameballDefaults.SystemName);
            await _settingService.SaveSettingAsync(_widgetSettings);
        }

        if (await _scheduleTaskService.GetTaskByTypeAsync(SyncTaskType) is null)
        {
            await _scheduleTaskService.InsertTaskAsync(new ScheduleTask
            {
                Name = GameballDefaults.SyncTaskName,
                Type = SyncTaskType,
                Seconds = GameballDefaults.SyncTaskPeriodSeconds,
                Enabled = true,
                LastEnabledUtc = DateTime.UtcNow,
                StopOnError = false,
            });
        }

        if (!await _activityLogTypeRepository.Table.AnyAsync(t => t.SystemKeyword == ManualCashbackService.ActivityKeyword))
        {
            await _activityLogTypeRepository.InsertAsync(new ActivityLogType
            {
                SystemKeyword = ManualCashbackService.ActivityKeyword,
                Name = "Gameball: manual cashback awarded",
                Enabled = true,
            });
        }

        await base.InstallAsync();
    }

    /// <summary>
    /// nopCommerce calls this at start-up when plugin.json's version differs from the installed one: the
    /// resources of the new version (new keys, Arabic) are installed like on a first install. Settings added
    /// by the new version keep their defaults until the admin saves the configuration. State keys that 4.90.2
    /// wrote twice are cut back to their last row.
    /// </summary>
    public override async Task UpdateAsync(string currentVersion, string targetVersion)
    {
        await GameballLocales.InstallAsync(_localizationService, await _languageService.GetAllLanguagesAsync(showHidden: true));

        await RemoveDuplicatedStateRowsAsync(currentVersion, targetVersion);
        await base.UpdateAsync(currentVersion, targetVersion);
    }

    // nopCommerce runs the update inside its start-up: an exception here would stop the store from starting (and
    // the update would run again at every start), while the plugin works with the duplicates (it reads a key's first row)
    private async Task RemoveDuplicatedStateRowsAsync(string currentVersion, string targetVersion)
    {
        try
        {
            var removed = await _duplicateStateRows.RemoveAsync();
            if (removed > 0)
                await _logger.InformationAsync($"Gameball: updating from {currentVersion} to {targetVersion} removed {removed} duplicated state rows (the last written row of each key was kept).");
        }
        catch (Exception e)
        {
            await _logger.WarningAsync($"Gameball: updating from {currentVersion} to {targetVersion} could not remove the duplicated state rows of earlier versions; the plugin works with them, the next update tries again.", e);
        }
    }

    public override async Task UninstallAsync()
    {
        await _settingService.DeleteSettingAsync<GameballSettings>();
        await _localizationService.DeleteLocaleResourcesAsync(GameballDefaults.LocalePrefix);

        if (_widgetSettings.ActiveWidgetSystemNames.Remove(GameballDefaults.SystemName))
            await _settingService.SaveSettingAsync(_widgetSettings);

        if (await _scheduleTaskService.GetTaskByTypeAsync(SyncTaskType) is { } task)
            await _scheduleTaskService.DeleteTaskAsync(task);

        // the activity type stays: deleting it would delete the audit trail of every cashback awarded

        await base.UninstallAsync();
    }

    internal static string SyncTaskType => typeof(GameballSyncTask).FullName!;

    /// <summary>
    /// Everything is on except sending, which waits for the keys (nothing reaches Gameball until the store
    /// owner has entered them), and the storefront widget, which the store owner switches on.
    /// </summary>
    internal static GameballSettings CreateDefaultSettings() => new()
    {
        ApiBaseUrl = GameballDefaults.DefaultApiBaseUrl,
        ApiVersion = GameballDefaults.ApiVersion40,
        EnableOrderTracking = true,
        TrackGuestOrders = true,
        EnableRefundSync = true,
        EnableProductPreview = true,
        ProductPreviewWidgetZone = PublicWidgetZones.ProductDetailsOverviewBottom,
        EnableCartPreview = true,
        EnableManualCashback = true,
        SyncCustomerProfiles = true,
        EnableReferrals = true,
        // the widget shows Gameball's own UI on every page: the store owner switches it on after setting it up in Gameball
        EnableWidget = false,
        RequestTimeout = GameballDefaults.DefaultRequestTimeoutSeconds,
        PreviewRequestTimeoutMilliseconds = GameballDefaults.DefaultPreviewTimeoutMilliseconds,
        PreviewCacheTtlSeconds = GameballDefaults.DefaultPreviewCacheTtlSeconds,
        PreviewRequestsPerMinutePerClient = GameballDefaults.DefaultPreviewRequestsPerMinutePerClient,
        MaxSyncAttempts = GameballDefaults.DefaultMaxSyncAttempts,
        // non-order actions earn nothing until the store owner chooses what each earns
        MaxReviewRewardsPerDay = GameballDefaults.DefaultMaxReviewRewardsPerDay,
        // orders paid from now on are tracked (they wait for the keys); earlier ones are not sent retroactively
        TrackingEnabledFromUtc = DateTime.UtcNow,
    };
}
