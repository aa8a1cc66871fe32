using Microsoft.AspNetCore.Mvc.Rendering;
using Newtonsoft.Json;
using Newtonsoft.Json.Converters;
using Nop.Plugin.Misc.Gameball.Services.Orders;
using Nop.Plugin.Misc.Gameball.Services.Outbox;
using Nop.Web.Framework.Models;
using Nop.Web.Framework.Mvc.ModelBinding;

namespace Nop.Plugin.Misc.Gameball.Models;

/// <summary>The sync log's filters and the grid's paging, as nopCommerce's DataTables grid posts them.</summary>
public record SyncLogSearchModel : BaseSearchModel
{
    [NopResourceDisplayName("Plugins.Misc.Gameball.SyncLog.SearchStatus")]
    public SyncStatus? SearchStatus { get; set; }

    /// <summary>A date in the admin's time zone; orders created on that day or later.</summary>
    [NopResourceDisplayName("Plugins.Misc.Gameball.SyncLog.SearchCreatedFrom")]
    public DateTime? SearchCreatedFrom { get; set; }

    /// <summary>A date in the admin's time zone; orders created on that day or earlier.</summary>
    [NopResourceDisplayName("Plugins.Misc.Gameball.SyncLog.SearchCreatedTo")]
    public DateTime? SearchCreatedTo { get; set; }

    public IList<SelectListItem> AvailableStatuses { get; set; } = [];
}

public record SyncLogListModel : BasePagedListModel<SyncLogItemModel>;

/// <summary>One order in the sync log; <see cref="BaseNopEntityModel.Id"/> is the order's id.</summary>
public record SyncLogItemModel : BaseNopEntityModel
{
    public string? CustomOrderNumber { get; set; }

    /// <summary>In the admin's time zone.</summary>
    public DateTime CreatedOn { get; set; }

    [JsonConverter(typeof(StringEnumConverter))]
    public SyncStatus Status { get; set; }

    public string? StatusText { get; set; }

    /// <summary>Attempts for the order and its reversals together.</summary>
    public int Attempts { get; set; }

    /// <summary>In the admin's time zone.</summary>
    public DateTime? LastAttemptOn { get; set; }

    public string? LastError { get; set; }

    public decimal? RewardedPoints { get; set; }

    /// <summary>Each reversal as "id: amount (status)", one per line.</summary>
    public string? Reversals { get; set; }
}

/// <summary>The Gameball card on the admin order page.</summary>
public sealed record OrderCardModel
{
    public int OrderId { get; init; }
    public OrderSyncState? State { get; init; }
    public bool CanResend { get; init; }
}
