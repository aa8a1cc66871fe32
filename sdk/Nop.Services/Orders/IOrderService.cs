using Nop.Core.Domain.Orders;

namespace Nop.Services.Orders;

public partial interface IOrderService
{
    Task<Order> GetOrderByIdAsync(int orderId);
    Task<IList<Order>> GetOrdersByIdsAsync(int[] orderIds);
    Task<IList<OrderItem>> GetOrderItemsAsync(int orderId, bool? isNotReturnable = null, bool? isShipEnabled = null, int vendorId = 0);
}
