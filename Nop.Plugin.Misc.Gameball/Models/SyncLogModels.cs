using Nop.Plugin.Misc.Gameball.Services.Orders;
using Nop.Web.Framework.Models;

namespace Nop.Plugin.Misc.Gameball.Models;

/// <summary>The sync log: orders and their reversals as Gameball has (or has not) acknowledged them.</summary>
public record SyncLogModel : BaseNopModel
{
    public SyncStatus? Status { get; set; }

    public DateTime? CreatedFromUtc { get; set; }

    public DateTime? CreatedToUtc { get; set; }

    public int Page { get; set; } = 1;

    public int PageSize { get; set; } = 25;

    public int TotalCount { get; set; }

    public IReadOnlyList<SyncLogRow> Rows { get; set; } = [];

    public int TotalPages => PageSize <= 0 ? 0 : (TotalCount + PageSize - 1) / PageSize;
}

public sealed record SyncLogRow
{
    public int OrderId { get; init; }
    public string? OrderNumber { get; init; }
    public DateTime CreatedOnUtc { get; init; }
    public SyncStatus Status { get; init; }
    public int Attempts { get; init; }
    public DateTime? LastAttemptUtc { get; init; }
    public DateTime? NextAttemptUtc { get; init; }
    public string? LastError { get; init; }
    public decimal? RewardedPoints { get; init; }
    public IReadOnlyList<RefundSyncState> Refunds { get; init; } = [];
}

/// <summary>The Gameball card on the admin order page.</summary>
public sealed record OrderCardModel
{
    public int OrderId { get; init; }
    public OrderSyncState? State { get; init; }
    public bool CanResend { get; init; }
}
