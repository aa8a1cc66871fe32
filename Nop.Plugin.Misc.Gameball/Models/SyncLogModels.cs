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

    /// <summary>Only work of this kind (<c>Order</c>, <c>ManualCashback</c>, …); empty for every kind.</summary>
    [NopResourceDisplayName("Plugins.Misc.Gameball.SyncLog.SearchKind")]
    public string? SearchKind { get; set; }

    public IList<SelectListItem> AvailableStatuses { get; set; } = [];

    public IList<SelectListItem> AvailableKinds { get; set; } = [];
}

public record SyncLogListModel : BasePagedListModel<SyncLogItemModel>;

/// <summary>
/// One piece of work in the sync log, whatever its kind; <see cref="BaseNopEntityModel.Id"/> is the id of
/// the entity holding it (<see cref="EntityGroup"/>: the order, the customer), what Retry sends.
/// </summary>
public record SyncLogItemModel : BaseNopEntityModel
{
    /// <summary>nopCommerce's key group of the entity holding the work (Order, Customer).</summary>
    public string? EntityGroup { get; set; }

    /// <summary>Tells a customer's pieces of work apart (an award's transaction id).</summary>
    public string? Key { get; set; }

    public string? Kind { get; set; }

    public string? KindText { get; set; }

    /// <summary>The order number, the customer's e-mail.</summary>
    public string? Reference { get; set; }

    /// <summary>The admin page of the reference, relative to the admin area (<c>Order/Edit/5</c>, <c>Customer/Edit/7</c>).</summary>
    public string? ReferencePath { get; set; }

    /// <summary>In the admin's time zone.</summary>
    public DateTime CreatedOn { get; set; }

    [JsonConverter(typeof(StringEnumConverter))]
    public SyncStatus Status { get; set; }

    public string? StatusText { get; set; }

    /// <summary>Attempts for the work (an order's together with its reversals).</summary>
    public int Attempts { get; set; }

    /// <summary>In the admin's time zone.</summary>
    public DateTime? LastAttemptOn { get; set; }

    public string? LastError { get; set; }

    /// <summary>The order's total, the award's amount.</summary>
    public decimal? Amount { get; set; }

    public decimal? RewardedPoints { get; set; }

    /// <summary>More about the work, one item a line: an order's reversals as "id: amount (status)", an award's reason and transaction id.</summary>
    public string? Detail { get; set; }
}

/// <summary>The Gameball card on the admin order page.</summary>
public sealed record OrderCardModel
{
    public int OrderId { get; init; }
    public OrderSyncState? State { get; init; }
    public bool CanResend { get; init; }

    /// <summary>The points the order was paid with, if any, and the hold they came from (its burn, its return).</summary>
    public Services.Redemption.OrderRedemption? Redemption { get; init; }

    public Services.Redemption.PointsHold? RedemptionHold { get; init; }

    /// <summary>The points' value in the store's primary currency, as nopCommerce formats the order's amounts.</summary>
    public string? RedemptionAmount { get; init; }
}
