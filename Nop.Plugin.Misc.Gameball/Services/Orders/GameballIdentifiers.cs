using System.Globalization;
using Nop.Core.Domain.Customers;
using Nop.Core.Domain.Orders;

namespace Nop.Plugin.Misc.Gameball.Services.Orders;

/// <summary>
/// The identifiers the plugin gives Gameball. They are chosen once and never change, because Gameball
/// keys points on them: a changed customerId orphans a shopper's points, a changed orderId makes a
/// refund miss its order.
/// </summary>
public static class GameballIdentifiers
{
    /// <summary>
    /// A customer's <see cref="Customer.CustomerGuid"/>: stable for the customer's life (a guest who
    /// registers keeps the same record), unique across stores and installations, and not guessable,
    /// unlike the numeric id.
    /// </summary>
    public static string CustomerId(Customer customer) => customer.CustomerGuid.ToString("D", CultureInfo.InvariantCulture);

    /// <summary>For an order whose customer no longer exists: a guest id of the order's own.</summary>
    public static string OrphanOrderCustomerId(Order order) => "order-" + OrderId(order);

    /// <summary>
    /// An order's <see cref="Order.OrderGuid"/>: immutable and globally unique. The numeric id repeats
    /// across installations (a staging copy sharing a Gameball test workspace) and the custom order
    /// number follows a format an admin may change; it travels in extra for display.
    /// </summary>
    public static string OrderId(Order order) => order.OrderGuid.ToString("D", CultureInfo.InvariantCulture);

    /// <summary>The n-th reversal of an order (1-based); persisted before it is first sent.</summary>
    public static string RefundTransactionId(string gameballOrderId, int sequence) => $"{gameballOrderId}-R{sequence.ToString(CultureInfo.InvariantCulture)}";
}
