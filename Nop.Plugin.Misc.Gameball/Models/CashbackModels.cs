using Nop.Web.Framework.Models;
using Nop.Web.Framework.Mvc.ModelBinding;

namespace Nop.Plugin.Misc.Gameball.Models;

/// <summary>The Gameball card on the admin customer page.</summary>
public sealed record CustomerCardModel
{
    public int CustomerId { get; init; }

    public bool CanAward { get; init; }

    /// <summary>Why cashback cannot be awarded to this customer, if it cannot.</summary>
    public string? CannotAwardReason { get; init; }

    /// <summary>Identifies one award: generated with the form, reused by a double-click or a retry.</summary>
    public Guid AwardToken { get; init; }
}

/// <summary>An admin's cashback award for something that is not an order.</summary>
public record AwardCashbackModel : BaseNopModel
{
    public int CustomerId { get; set; }

    [NopResourceDisplayName("Plugins.Misc.Gameball.Cashback.Amount")]
    public decimal Amount { get; set; }

    [NopResourceDisplayName("Plugins.Misc.Gameball.Cashback.Reason")]
    public string? Reason { get; set; }

    public Guid AwardToken { get; set; }
}

/// <summary>The answer to an award: Pending when it is queued (Gameball did not answer) and will be sent without the admin.</summary>
public sealed record CashbackAwardResult(bool Success, string Message, decimal? Points = null, bool Pending = false);

public sealed record CustomerBalanceResult(bool Success, string Message);
