using Nop.Core.Domain.Orders;

namespace Nop.Plugin.Misc.Gameball.Services.Orders;

/// <summary>
/// Everything about an order that goes to Gameball, read from nopCommerce once, so that mapping is a
/// pure function of it.
/// </summary>
public sealed record OrderSnapshot
{
    public required Order Order { get; init; }

    /// <summary>Gameball's customerId for the order's customer (see <see cref="GameballIdentifiers"/>).</summary>
    public required string CustomerId { get; init; }

    public required bool IsGuest { get; init; }

    public string? Email { get; init; }

    public string? Mobile { get; init; }

    public required IReadOnlyList<OrderLineSnapshot> Lines { get; init; }

    public string? StoreName { get; init; }

    /// <summary>Only installations with more than one store tell Gameball which store sold the order.</summary>
    public bool IsMultiStore { get; init; }

    public string? PrimaryCurrencyCode { get; init; }

    /// <summary>The transactionId the order's points were burned under (POST /transactions/redeem), when points paid part of it.</summary>
    public string? PointsRedemptionTransactionId { get; init; }
}

public sealed record OrderLineSnapshot
{
    public required OrderItem Item { get; init; }

    /// <summary>Null when the product was deleted since.</summary>
    public string? ProductName { get; init; }

    public string? Sku { get; init; }

    public bool IsGiftCard { get; init; }

    public IReadOnlyList<string> CategoryNames { get; init; } = [];

    public string? ManufacturerName { get; init; }
}
