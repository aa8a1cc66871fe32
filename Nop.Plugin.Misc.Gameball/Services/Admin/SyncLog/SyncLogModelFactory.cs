using System.Globalization;
using Microsoft.AspNetCore.Mvc.Rendering;
using Nop.Core;
using Nop.Core.Domain.Common;
using Nop.Plugin.Misc.Gameball.Models;
using Nop.Plugin.Misc.Gameball.Services.Outbox;
using Nop.Services.Helpers;
using Nop.Services.Localization;
using Nop.Web.Framework.Models.Extensions;

namespace Nop.Plugin.Misc.Gameball.Services.Admin.SyncLog;

/// <summary>
/// Prepares the sync log page and the rows its grid reads, over every <see cref="ISyncLogSource"/>:
/// each source gives its newest start + length rows in <see cref="SyncLogRow.NewestFirst"/> order,
/// and the page is cut from their merge, so paging across kinds has no gaps or repeats (a row on a
/// page is among the first start + length of its own source). A read costs start + length rows per
/// source, so the far pages of a very long log cost more than the first. Dates are in the admin's time
/// zone, statuses and kinds in the admin's language.
/// </summary>
public class SyncLogModelFactory
{
    /// <summary>The most rows a read returns unless the admin's own grid page sizes go higher.</summary>
    public const int MaxPageSize = 500;

    private readonly AdminAreaSettings _adminAreaSettings;
    private readonly IDateTimeHelper _dateTimeHelper;
    private readonly ILocalizationService _localizationService;
    private readonly IEnumerable<ISyncLogSource> _sources;

    public SyncLogModelFactory(AdminAreaSettings adminAreaSettings,
        IDateTimeHelper dateTimeHelper,
        ILocalizationService localizationService,
        IEnumerable<ISyncLogSource> sources)
    {
        _adminAreaSettings = adminAreaSettings;
        _dateTimeHelper = dateTimeHelper;
        _localizationService = localizationService;
        _sources = sources;
    }

    public async Task<SyncLogSearchModel> PrepareSearchModelAsync(SyncLogSearchModel searchModel)
    {
        var names = await StatusNamesAsync();
        var statuses = new List<SelectListItem> { new(await _localizationService.GetResourceAsync("Plugins.Misc.Gameball.SyncLog.AnyStatus"), string.Empty) };
        statuses.AddRange(names.Select(s => new SelectListItem(s.Value, s.Key.ToString(), s.Key == searchModel.SearchStatus)));
        searchModel.AvailableStatuses = statuses;
        var kinds = new List<SelectListItem> { new(await _localizationService.GetResourceAsync("Plugins.Misc.Gameball.SyncLog.AnyKind"), string.Empty) };
        foreach (var kind in _sources.SelectMany(s => s.Kinds).Distinct())
            kinds.Add(new SelectListItem(await KindNameAsync(kind), kind, kind == searchModel.SearchKind));
        searchModel.AvailableKinds = kinds;
        searchModel.SetGridPageSize(_adminAreaSettings.DefaultGridPageSize > 0 ? _adminAreaSettings.DefaultGridPageSize : 15, _adminAreaSettings.GridPageSizes);
        return searchModel;
    }

    public async Task<SyncLogListModel> PrepareListModelAsync(SyncLogSearchModel searchModel)
    {
        var timeZone = await _dateTimeHelper.GetCurrentTimeZoneAsync();
        var filter = new SyncLogFilter(
            string.IsNullOrEmpty(searchModel.SearchKind) ? null : searchModel.SearchKind,
            searchModel.SearchStatus,
            searchModel.SearchCreatedFrom is { } from ? _dateTimeHelper.ConvertToUtcTime(from.Date, timeZone) : null,
            searchModel.SearchCreatedTo is { } to ? _dateTimeHelper.ConvertToUtcTime(to.Date.AddDays(1), timeZone) : null);
        var pageSize = Math.Clamp(searchModel.Length, 1, LargestAllowedPageSize(_adminAreaSettings));
        var start = Math.Max(searchModel.Start, 0);
        var take = (int)Math.Min((long)start + pageSize, int.MaxValue);

        var merged = new List<SyncLogRow>();
        var total = 0;
        foreach (var source in _sources.Where(s => filter.Kind is null || s.Kinds.Contains(filter.Kind)))
        {
            var slice = await source.NewestAsync(filter, take);
            merged.AddRange(slice.Newest);
            total += slice.Total;
        }

        merged.Sort(SyncLogRow.NewestFirst);
        var page = merged.Skip(start).Take(pageSize).ToList();
        var items = new List<SyncLogItemModel>(page.Count);
        foreach (var row in page)
            items.Add(await ToItemAsync(row));

        var paged = new PagedList<SyncLogItemModel>(items, start / pageSize, pageSize, total);
        return new SyncLogListModel().PrepareToGrid(searchModel, paged, () => items);
    }

    /// <summary>The row as the grid shows it: dates in the admin's time zone, status and kind in the admin's language.</summary>
    public async Task<SyncLogItemModel> ToItemAsync(SyncLogRow row) => new()
    {
        Id = row.Address.EntityId,
        EntityGroup = row.Address.EntityGroup,
        Key = row.Key,
        Kind = row.Kind,
        KindText = await KindNameAsync(row.Kind),
        Reference = row.Reference,
        ReferencePath = row.ReferencePath,
        CreatedOn = await _dateTimeHelper.ConvertToUserTimeAsync(row.CreatedUtc, DateTimeKind.Utc),
        Status = row.Status,
        StatusText = await _localizationService.GetResourceAsync("Plugins.Misc.Gameball.SyncLog.Status." + row.Status),
        Attempts = row.Attempts,
        LastAttemptOn = row.LastAttemptUtc is { } last ? await _dateTimeHelper.ConvertToUserTimeAsync(last, DateTimeKind.Utc) : null,
        LastError = row.LastError,
        Amount = row.Amount,
        RewardedPoints = row.Points,
        Detail = row.Detail,
    };

    /// <summary>Pending or failed work of every kind.</summary>
    public async Task<int> CountAsync(SyncStatus status)
    {
        var count = 0;
        foreach (var source in _sources)
            count += await source.CountAsync(status);
        return count;
    }

    /// <summary>The newest work kept on a customer (awards, actions), every kind merged.</summary>
    public async Task<IReadOnlyList<SyncLogItemModel>> CustomerWorkAsync(int customerId, int take)
    {
        var rows = new List<SyncLogRow>();
        foreach (var source in _sources)
            rows.AddRange(await source.OfCustomerAsync(customerId, take));
        rows.Sort(SyncLogRow.NewestFirst);
        var items = new List<SyncLogItemModel>();
        foreach (var row in rows.Take(take))
            items.Add(await ToItemAsync(row));
        return items;
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

    private Task<string> KindNameAsync(string kind) => _localizationService.GetResourceAsync("Plugins.Misc.Gameball.SyncLog.Kind." + kind);

    private async Task<IReadOnlyDictionary<SyncStatus, string>> StatusNamesAsync()
    {
        var names = new Dictionary<SyncStatus, string>();
        foreach (var status in Enum.GetValues<SyncStatus>())
            names[status] = await _localizationService.GetResourceAsync("Plugins.Misc.Gameball.SyncLog.Status." + status);
        return names;
    }
}
