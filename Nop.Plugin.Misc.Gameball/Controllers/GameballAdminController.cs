using Microsoft.AspNetCore.Mvc;
using Nop.Core;
using Nop.Plugin.Misc.Gameball.Models;
using Nop.Plugin.Misc.Gameball.Services.Admin;
using Nop.Plugin.Misc.Gameball.Services.Admin.SyncLog;
using Nop.Plugin.Misc.Gameball.Services.Api;
using Nop.Plugin.Misc.Gameball.Services.Backfill;
using Nop.Plugin.Misc.Gameball.Services.Orders;
using Nop.Plugin.Misc.Gameball.Services.Outbox;
using Nop.Services.Configuration;
using Nop.Services.Customers;
using Nop.Services.Helpers;
using Nop.Services.Localization;
using Nop.Services.Messages;
using Nop.Services.Security;
using Nop.Web.Framework;
using Nop.Web.Framework.Controllers;
using Nop.Web.Framework.Mvc.Filters;

namespace Nop.Plugin.Misc.Gameball.Controllers;

/// <summary>
/// The plugin's admin pages and actions: configuration (managing plugins), sync log and resends
/// (managing plugins, or orders for a single order), manual cashback (managing customers). Every POST
/// validates the antiforgery token; every action checks its permission.
/// </summary>
[Area(AreaNames.ADMIN)]
[AuthorizeAdmin]
[AutoValidateAntiforgeryToken]
public class GameballAdminController : BasePluginController
{
    public const int MaxRetryAllFailed = 500;

    /// <summary>How many of a customer's awards the customer card lists.</summary>
    public const int CustomerCardAwards = 10;

    private readonly ICustomerService _customerService;
    private readonly ILocalizationService _localizationService;
    private readonly INotificationService _notificationService;
    private readonly ConnectionTester _connectionTester;
    private readonly GameballSettingsEditor _settingsEditor;
    private readonly OutboxQueue _queue;
    private readonly ManualCashbackService _cashbackService;
    private readonly OrderSyncProcessor _processor;
    private readonly SyncLogModelFactory _syncLogModelFactory;
    private readonly IEnumerable<ISyncLogSource> _syncLogSources;
    private readonly OutboxProcessor _outbox;
    private readonly BackfillService _backfill;
    private readonly GameballNumbers _numbers;
    private readonly IDateTimeHelper _dateTimeHelper;
    private readonly ISettingService _settingService;
    private readonly IStoreContext _storeContext;
    private readonly IWorkContext _workContext;

    public GameballAdminController(ICustomerService customerService,
        ILocalizationService localizationService,
        INotificationService notificationService,
        ConnectionTester connectionTester,
        GameballSettingsEditor settingsEditor,
        OutboxQueue queue,
        ManualCashbackService cashbackService,
        OrderSyncProcessor processor,
        SyncLogModelFactory syncLogModelFactory,
        IEnumerable<ISyncLogSource> syncLogSources,
        OutboxProcessor outbox,
        BackfillService backfill,
        GameballNumbers numbers,
        IDateTimeHelper dateTimeHelper,
        ISettingService settingService,
        IStoreContext storeContext,
        IWorkContext workContext)
    {
        _backfill = backfill;
        _numbers = numbers;
        _dateTimeHelper = dateTimeHelper;
        _settingService = settingService;
        _storeContext = storeContext;
        _workContext = workContext;
        _customerService = customerService;
        _localizationService = localizationService;
        _notificationService = notificationService;
        _connectionTester = connectionTester;
        _settingsEditor = settingsEditor;
        _queue = queue;
        _cashbackService = cashbackService;
        _processor = processor;
        _syncLogModelFactory = syncLogModelFactory;
        _syncLogSources = syncLogSources;
        _outbox = outbox;
    }

    [CheckPermission(StandardPermission.Configuration.MANAGE_PLUGINS)]
    public async Task<IActionResult> Configure()
    {
        var model = await _settingsEditor.PrepareModelAsync();
        await AddCountsAsync(model);
        return View("~/Plugins/Misc.Gameball/Views/Configure.cshtml", model);
    }

    [HttpPost]
    [CheckPermission(StandardPermission.Configuration.MANAGE_PLUGINS)]
    public async Task<IActionResult> Configure(ConfigurationModel model)
    {
        var saved = await _settingsEditor.LoadForScopeAsync();
        if (string.IsNullOrWhiteSpace(model.SecretKey) && string.IsNullOrEmpty(saved.SecretKey))
            ModelState.AddModelError(nameof(model.SecretKey), await _localizationService.GetResourceAsync("Plugins.Misc.Gameball.Fields.SecretKey.Required"));

        if (!ModelState.IsValid)
        {
            // the page never carries the secret back, not even the one just typed
            ModelState.SetModelValue(nameof(model.SecretKey), null, null);
            var invalid = GameballSettingsEditor.FillChoices(model with { SecretKey = null, SecretKeyIsSet = !string.IsNullOrEmpty(saved.SecretKey) });
            await AddCountsAsync(invalid);
            return View("~/Plugins/Misc.Gameball/Views/Configure.cshtml", invalid);
        }

        await _settingsEditor.SaveAsync(model);
        _notificationService.SuccessNotification(await _localizationService.GetResourceAsync("Admin.Plugins.Saved"));
        return RedirectToAction(nameof(Configure));
    }

    /// <summary>Checks the keys on the page (or the saved secret when its field is empty) without saving them.</summary>
    [HttpPost]
    [CheckPermission(StandardPermission.Configuration.MANAGE_PLUGINS)]
    public async Task<IActionResult> TestConnection(ConfigurationModel model)
    {
        var saved = await _settingsEditor.LoadForScopeAsync();
        var credentials = new GameballCredentials(
            string.IsNullOrWhiteSpace(model.ApiBaseUrl) ? saved.ApiBaseUrl : model.ApiBaseUrl.Trim(),
            GameballDefaults.SupportedApiVersions.Contains(model.ApiVersion ?? string.Empty) ? model.ApiVersion! : saved.ApiVersion,
            (string.IsNullOrWhiteSpace(model.ApiKey) ? saved.ApiKey : model.ApiKey)?.Trim() ?? string.Empty,
            (string.IsNullOrWhiteSpace(model.SecretKey) ? saved.SecretKey : model.SecretKey)?.Trim() ?? string.Empty);
        var result = await _connectionTester.TestAsync(credentials, saved.RequestTimeout, HttpContext.RequestAborted);
        return Json(new { success = result.Success, message = result.Message });
    }

    /// <summary>The sync log page; its grid reads <see cref="SyncLogList"/>. A status in the query string preselects the filter.</summary>
    [CheckPermission(StandardPermission.Configuration.MANAGE_PLUGINS)]
    public async Task<IActionResult> SyncLog(SyncLogSearchModel searchModel)
    {
        var model = await _syncLogModelFactory.PrepareSearchModelAsync(searchModel);
        return View("~/Plugins/Misc.Gameball/Views/SyncLog.cshtml", model);
    }

    [HttpPost]
    [CheckPermission(StandardPermission.Configuration.MANAGE_PLUGINS)]
    public async Task<IActionResult> SyncLogList(SyncLogSearchModel searchModel)
    {
        var model = await _syncLogModelFactory.PrepareListModelAsync(searchModel);
        return Json(model);
    }

    /// <summary>Onboarding: past orders and existing customers sent to Gameball, with progress.</summary>
    [CheckPermission(StandardPermission.Configuration.MANAGE_PLUGINS)]
    public async Task<IActionResult> Backfill()
    {
        var today = await _dateTimeHelper.ConvertToUserTimeAsync(DateTime.UtcNow, DateTimeKind.Utc);
        var settings = await _settingService.LoadSettingAsync<GameballSettings>((await _storeContext.GetCurrentStoreAsync()).Id);
        var model = new BackfillPageModel { OrdersPaidSince = today.Date.AddYears(-1), ProfilesEnabled = settings.SyncCustomerProfiles };
        return View("~/Plugins/Misc.Gameball/Views/Backfill.cshtml", model);
    }

    [HttpPost]
    [CheckPermission(StandardPermission.Configuration.MANAGE_PLUGINS)]
    public async Task<IActionResult> StartBackfill(BackfillKind kind, DateTime? since)
    {
        DateTime? sinceUtc = null;
        if (kind == BackfillKind.Orders)
        {
            if (since is null)
                return Json(new { success = false, message = await _localizationService.GetResourceAsync("Plugins.Misc.Gameball.Backfill.SinceRequired") });
            sinceUtc = _dateTimeHelper.ConvertToUtcTime(since.Value.Date, await _dateTimeHelper.GetCurrentTimeZoneAsync());
        }

        var admin = await _workContext.GetCurrentCustomerAsync();
        var job = await _backfill.StartAsync(kind, sinceUtc, admin.Id);
        var message = await _localizationService.GetResourceAsync(job is null ? "Plugins.Misc.Gameball.Backfill.AlreadyRunning" : "Plugins.Misc.Gameball.Backfill.Started");
        return Json(new { success = job is not null, message });
    }

    [HttpPost]
    [CheckPermission(StandardPermission.Configuration.MANAGE_PLUGINS)]
    public async Task<IActionResult> CancelBackfill(BackfillKind kind)
    {
        var job = await _backfill.CancelAsync(kind, HttpContext.RequestAborted);
        var message = await _localizationService.GetResourceAsync(job is { Status: BackfillStatus.Cancelled } ? "Plugins.Misc.Gameball.Backfill.Cancelled" : "Plugins.Misc.Gameball.Backfill.NotRunning");
        return Json(new { success = job is { Status: BackfillStatus.Cancelled }, message });
    }

    [HttpGet]
    [CheckPermission(StandardPermission.Configuration.MANAGE_PLUGINS)]
    public async Task<IActionResult> BackfillProgress()
    {
        // the kind and the status as their names, whatever JSON settings the host's MVC has
        static object? Shown(BackfillProgress? p) => p is null ? null : new
        {
            Kind = p.Kind.ToString(),
            Status = p.Status.ToString(),
            p.Total,
            p.Processed,
            p.Queued,
            p.Skipped,
            p.Withdrawn,
            p.Sent,
            p.Failed,
            p.Pending,
            p.PerMinute,
            p.SecondsLeft,
            p.StartedUtc,
            p.FinishedUtc,
            p.SinceUtc,
        };
        return Json(new Dictionary<string, object?>
        {
            [nameof(BackfillKind.Orders)] = Shown(await _backfill.ProgressAsync(BackfillKind.Orders)),
            [nameof(BackfillKind.Customers)] = Shown(await _backfill.ProgressAsync(BackfillKind.Customers)),
        });
    }

    /// <summary>Sends an order (and its reversals) now, including failed ones.</summary>
    [HttpPost]
    [CheckPermission([StandardPermission.Configuration.MANAGE_PLUGINS, StandardPermission.Orders.ORDERS_CREATE_EDIT_DELETE])]
    public async Task<IActionResult> RetryOrder(int orderId)
    {
        var outcome = await _processor.ProcessAsync(orderId, retryFailed: true, HttpContext.RequestAborted);
        if (outcome.RetryAtUtc is { } retryAt)
            _queue.EnqueueAt(OrderOutboxSource.Address(orderId), retryAt);
        var message = await _localizationService.GetResourceAsync(outcome.Busy ? "Plugins.Misc.Gameball.SyncLog.Busy" : "Plugins.Misc.Gameball.SyncLog.Status." + outcome.Status);
        return Json(new { success = outcome.Status is SyncStatus.Sent or SyncStatus.Pending, status = outcome.Status.ToString(), message });
    }

    /// <summary>
    /// The sync log's Retry now, for a row of any kind: the entity's work (an order with its reversals, a
    /// customer's awards and actions) is sent at once through the outbox, failed work with fresh attempts.
    /// </summary>
    [HttpPost]
    [CheckPermission(StandardPermission.Configuration.MANAGE_PLUGINS)]
    public async Task<IActionResult> Retry(string entityGroup, int entityId)
    {
        var address = new OutboxAddress(entityGroup ?? string.Empty, entityId);
        if (entityId <= 0 || !_outbox.Keeps(address.EntityGroup))
            return Json(new { success = false, message = await _localizationService.GetResourceAsync("Plugins.Misc.Gameball.SyncLog.NoSuchWork") });
        var outcome = await _outbox.ProcessAsync(address, retryNow: true, HttpContext.RequestAborted);
        if (outcome.RetryAtUtc is { } retryAt)
            _queue.EnqueueAt(address, retryAt);
        var message = await _localizationService.GetResourceAsync(outcome.Busy ? "Plugins.Misc.Gameball.SyncLog.BusyWork" : "Plugins.Misc.Gameball.SyncLog.Status." + outcome.Status);
        return Json(new { success = outcome.Status is SyncStatus.Sent or SyncStatus.Pending, status = outcome.Status.ToString(), message });
    }

    /// <summary>Failed work of every kind becomes due again with fresh attempts; the dispatcher sends it.</summary>
    [HttpPost]
    [CheckPermission(StandardPermission.Configuration.MANAGE_PLUGINS)]
    public async Task<IActionResult> RetryAllFailed()
    {
        var count = 0;
        foreach (var source in _syncLogSources)
        {
            foreach (var address in await source.FailedAsync(MaxRetryAllFailed))
            {
                if (await _outbox.ResetFailedAsync(address) && _queue.Enqueue(address))
                    count++;
            }
        }

        var message = string.Format(System.Globalization.CultureInfo.InvariantCulture, await _localizationService.GetResourceAsync("Plugins.Misc.Gameball.SyncLog.RetryAllWorkQueued"), count);
        return Json(new { success = true, count, message });
    }

    [HttpPost]
    [CheckPermission(StandardPermission.Customers.CUSTOMERS_CREATE_EDIT_DELETE)]
    public async Task<IActionResult> AwardCashback(AwardCashbackModel model)
    {
        if (!ModelState.IsValid)
        {
            var errors = ModelState.Values.SelectMany(v => v.Errors).Select(e => e.ErrorMessage).Where(m => !string.IsNullOrEmpty(m));
            return Json(new { success = false, message = string.Join(" ", errors) });
        }

        var result = await _cashbackService.AwardAsync(model, HttpContext.RequestAborted);
        return Json(new { success = result.Success, pending = result.Pending, message = result.Message, points = result.Points });
    }

    [HttpGet]
    [CheckPermission(StandardPermission.Customers.CUSTOMERS_VIEW)]
    public async Task<IActionResult> CustomerBalance(int customerId)
    {
        var customer = await _customerService.GetCustomerByIdAsync(customerId);
        if (await _cashbackService.CannotAwardReasonAsync(customer) is { } reason)
            return Json(new { success = false, message = reason });
        var result = await _cashbackService.BalanceAsync(customer!, HttpContext.RequestAborted);
        return Json(new { success = result.Success, message = result.Message });
    }

    /// <summary>The customer's newest awards (every kind of work kept on the customer), for the customer card.</summary>
    [HttpGet]
    [CheckPermission(StandardPermission.Customers.CUSTOMERS_VIEW)]
    public async Task<IActionResult> CustomerAwards(int customerId)
    {
        var items = await _syncLogModelFactory.CustomerWorkAsync(customerId, CustomerCardAwards);
        return Json(new
        {
            success = true,
            awards = items.Select(i => new { kind = i.KindText, amount = i.Amount, points = i.RewardedPoints, status = i.Status.ToString(), statusText = i.StatusText, createdOn = i.CreatedOn, detail = i.Detail, lastError = i.LastError }),
        });
    }

    private async Task AddCountsAsync(ConfigurationModel model)
    {
        model.PendingCount = await _syncLogModelFactory.CountAsync(SyncStatus.Pending);
        model.FailedCount = await _syncLogModelFactory.CountAsync(SyncStatus.Failed);
        var timeZone = await _dateTimeHelper.GetCurrentTimeZoneAsync();
        var today = (await _dateTimeHelper.ConvertToUserTimeAsync(DateTime.UtcNow, DateTimeKind.Utc)).Date;
        model.Numbers = await _numbers.GetAsync(_dateTimeHelper.ConvertToUtcTime(today, timeZone));
        model.LastSuccessOn = model.Numbers.LastSuccessUtc is { } last ? await _dateTimeHelper.ConvertToUserTimeAsync(last, DateTimeKind.Utc) : null;
    }
}
