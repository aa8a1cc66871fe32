using System.Globalization;
using Microsoft.AspNetCore.Mvc.Rendering;
using Nop.Core.Domain.Common;
using Nop.Core.Domain.Orders;
using Nop.Plugin.Misc.Gameball.Models;
using Nop.Plugin.Misc.Gameball.Services.Orders;
using Nop.Plugin.Misc.Gameball.Services.Outbox;
using Nop.Services.Helpers;
using Nop.Services.Localization;
using Nop.Web.Framework.Models.Extensions;

namespace Nop.Plugin.Misc.Gameball.Services.Admin;

/// <summary>
/// Prepares the sync log page and the rows its grid reads: dates in the admin's time zone, statuses in
/// the admin's language.
/// </summary>
public class SyncLogModelFactory
{
    /// <summary>The most rows a read returns unless the admin's own grid page sizes go higher.</summary>
    public const int MaxPageSize = 500;

    private readonly AdminAreaSettings _adminAreaSettings;
    private readonly IDateTimeHelper _dateTimeHelper;
    private readonly ILocalizationService _localizationService;
    private readonly SyncLogQuery _query;

    public SyncLogModelFactory(AdminAreaSettings adminAreaSettings,
        IDateTimeHelper dateTimeHelper,
        ILocalizationService localizationService,
        SyncLogQuery query)
    {
        _adminAreaSettings = adminAreaSettings;
        _dateTimeHelper = dateTimeHelper;
        _localizationService = localizationService;
        _query = query;
    }

    public async Task<SyncLogSearchModel> PrepareSearchModelAsync(SyncLogSearchModel searchModel)
    {
        var names = await StatusNamesAsync();
        var statuses = new List<SelectListItem> { new(await _localizationService.GetResourceAsync("Plugins.Misc.Gameball.SyncLog.AnyStatus"), string.Empty) };
        statuses.AddRange(names.Select(s => new SelectListItem(s.Value, s.Key.ToString(), s.Key == searchModel.SearchStatus)));
        searchModel.AvailableStatuses = statuses;
        searchModel.SetGridPageSize(_adminAreaSettings.DefaultGridPageSize > 0 ? _adminAreaSettings.DefaultGridPageSize : 15, _adminAreaSettings.GridPageSizes);
        return searchModel;
    }

    public async Task<SyncLogListModel> PrepareListModelAsync(SyncLogSearchModel searchModel)
    {
        var timeZone = await _dateTimeHelper.GetCurrentTimeZoneAsync();
        DateTime? createdFromUtc = searchModel.SearchCreatedFrom is { } from ? _dateTimeHelper.ConvertToUtcTime(from.Date, timeZone) : null;
        DateTime? createdBeforeUtc = searchModel.SearchCreatedTo is { } to ? _dateTimeHelper.ConvertToUtcTime(to.Date.AddDays(1), timeZone) : null;
        var pageSize = Math.Clamp(searchModel.Length, 1, LargestAllowedPageSize(_adminAreaSettings));
        var pageIndex = Math.Max(searchModel.Start, 0) / pageSize;

        var orders = await _query.SearchAsync(searchModel.SearchStatus, createdFromUtc, createdBeforeUtc, pageIndex, pageSize);

        var names = await StatusNamesAsync();
        var states = await _query.StatesAsync(orders);
        var items = new List<SyncLogItemModel>(orders.Count);
        foreach (var order in orders)
        {
            var item = ToItem(order, states.GetValueOrDefault(order.Id) ?? new OrderSyncState(), names);
            item.CreatedOn = await _dateTimeHelper.ConvertToUserTimeAsync(order.CreatedOnUtc, DateTimeKind.Utc);
            if (item.LastAttemptOn is { } lastAttemptUtc)
                item.LastAttemptOn = await _dateTimeHelper.ConvertToUserTimeAsync(lastAttemptUtc, DateTimeKind.Utc);
            items.Add(item);
        }

        return new SyncLogListModel().PrepareToGrid(searchModel, orders, () => items);
    }

    /// <summary>
    /// A forged request cannot ask for a million rows, but a page size the admin configured is always
    /// honoured: a smaller answer than the grid asked for would make its paging skip rows.
    /// </summary>
    public static int LargestAllowedPageSize(AdminAreaSettings settings)
    {
        var configured = (settings.GridPageSizes ?? string.Empty)
            .Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(size => int.TryParse(size, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) ? n : 0)
            .Append(settings.DefaultGridPageSize);
        return Math.Max(MaxPageSize, configured.Max());
    }

    /// <summary>One row: the order's own sync and its reversals folded together (dates still in UTC).</summary>
    public static SyncLogItemModel ToItem(Order order, OrderSyncState state, IReadOnlyDictionary<SyncStatus, string> statusNames) => new()
    {
        Id = order.Id,
        CustomOrderNumber = order.CustomOrderNumber,
        CreatedOn = order.CreatedOnUtc,
        Status = state.OverallStatus,
        StatusText = statusNames[state.OverallStatus],
        Attempts = state.Attempts + state.Refunds.Sum(r => r.Attempts),
        LastAttemptOn = state.Refunds.Select(r => r.LastAttemptUtc).Append(state.LastAttemptUtc).Max(),
        LastError = state.LastError ?? state.Refunds.LastOrDefault(r => r.LastError is not null)?.LastError,
        RewardedPoints = state.RewardedPoints,
        Reversals = string.Join("\n", state.Refunds.Select(r =>
            string.Create(CultureInfo.InvariantCulture, $"{r.RefundTransactionId}: {r.Amount:0.00} ({statusNames[r.Status]})"))),
    };

    private async Task<IReadOnlyDictionary<SyncStatus, string>> StatusNamesAsync()
    {
        var names = new Dictionary<SyncStatus, string>();
        foreach (var status in Enum.GetValues<SyncStatus>())
            names[status] = await _localizationService.GetResourceAsync("Plugins.Misc.Gameball.SyncLog.Status." + status);
        return names;
    }
}
