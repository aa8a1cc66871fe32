using Nop.Core.Domain.Customers;
using Nop.Core.Domain.Orders;
using Nop.Core.Events;
using Nop.Plugin.Misc.Gameball.Services.Cashback;
using Nop.Plugin.Misc.Gameball.Services.Outbox;
using Nop.Services.Common;
using Nop.Services.Customers;
using Nop.Services.Events;

namespace Nop.Plugin.Misc.Gameball.Services.Redemption;

/// <summary>
/// nopCommerce's events that end or spend a points hold: the cart's changes and the sign-out release it, the placed
/// order burns it, the order's cancellation, deletion or full refund gives the burned points back. No call to
/// Gameball here: the card leaves the cart at once, everything sent to Gameball is outbox work.
/// </summary>
public class RedemptionEventConsumer :
    IConsumer<EntityInsertedEvent<ShoppingCartItem>>,
    IConsumer<EntityUpdatedEvent<ShoppingCartItem>>,
    IConsumer<EntityDeletedEvent<ShoppingCartItem>>,
    IConsumer<CustomerLoggedOutEvent>,
    IConsumer<OrderPlacedEvent>,
    IConsumer<OrderStatusChangedEvent>,
    IConsumer<OrderRefundedEvent>,
    IConsumer<EntityDeletedEvent<Order>>
{
    private readonly ICustomerService _customerService;
    private readonly IGenericAttributeService _genericAttributeService;
    private readonly OutboxQueue _queue;
    private readonly RedemptionService _redemption;

    public RedemptionEventConsumer(ICustomerService customerService, IGenericAttributeService genericAttributeService, OutboxQueue queue, RedemptionService redemption)
    {
        _customerService = customerService;
        _genericAttributeService = genericAttributeService;
        _queue = queue;
        _redemption = redemption;
    }

    public Task HandleEventAsync(EntityInsertedEvent<ShoppingCartItem> eventMessage) => CartChangedAsync(eventMessage.Entity);

    public Task HandleEventAsync(EntityUpdatedEvent<ShoppingCartItem> eventMessage) => CartChangedAsync(eventMessage.Entity);

    public Task HandleEventAsync(EntityDeletedEvent<ShoppingCartItem> eventMessage) => CartChangedAsync(eventMessage.Entity);

    public Task HandleEventAsync(CustomerLoggedOutEvent eventMessage) =>
        _redemption.RemoveAsync(eventMessage.Customer, "The shopper signed out.", CancellationToken.None);

    public async Task HandleEventAsync(OrderPlacedEvent eventMessage)
    {
        var order = eventMessage.Order;
        var customer = await _customerService.GetCustomerByIdAsync(order.CustomerId);
        if (customer is null)
            return;
        await _redemption.OnOrderPlacedAsync(order, customer);
    }

    public Task HandleEventAsync(OrderStatusChangedEvent eventMessage) =>
        eventMessage.Order.OrderStatus == OrderStatus.Cancelled ? OrderReversedAsync(eventMessage.Order) : Task.CompletedTask;

    public Task HandleEventAsync(OrderRefundedEvent eventMessage) => OrderReversedAsync(eventMessage.Order);

    public Task HandleEventAsync(EntityDeletedEvent<Order> eventMessage) => OrderReversedAsync(eventMessage.Entity);

    private async Task CartChangedAsync(ShoppingCartItem item)
    {
        if (item.ShoppingCartType != ShoppingCartType.ShoppingCart)
            return;
        var customer = await _customerService.GetCustomerByIdAsync(item.CustomerId);
        if (customer is not null)
            await _redemption.OnCartChangedAsync(customer, item.StoreId);
    }

    // only orders paid with points: one attribute read, then the customer's pass decides
    private async Task OrderReversedAsync(Order order)
    {
        var record = await _genericAttributeService.GetAttributeAsync<string>(order, RedemptionStore.OrderKey);
        if (!string.IsNullOrEmpty(record))
            _queue.Enqueue(CustomerOutboxSource.Address(order.CustomerId));
    }
}
