using Nop.Core.Domain.Orders;
using Nop.Core.Events;
using Nop.Plugin.Misc.Gameball.Services.Outbox;
using Nop.Services.Events;

namespace Nop.Plugin.Misc.Gameball.Services.Orders;

/// <summary>
/// nopCommerce's order events, handed to the background dispatcher. Checkout never waits on Gameball:
/// no network call, no database call, just an id into a queue.
/// </summary>
public class OrderEventConsumer :
    IConsumer<OrderPaidEvent>,
    IConsumer<OrderRefundedEvent>,
    IConsumer<OrderStatusChangedEvent>,
    IConsumer<EntityDeletedEvent<Order>>
{
    private readonly OutboxQueue _queue;

    public OrderEventConsumer(OutboxQueue queue)
    {
        _queue = queue;
    }

    public Task HandleEventAsync(OrderPaidEvent eventMessage)
    {
        _queue.Enqueue(OrderOutboxSource.Address(eventMessage.Order.Id));
        return Task.CompletedTask;
    }

    public Task HandleEventAsync(OrderRefundedEvent eventMessage)
    {
        _queue.Enqueue(OrderOutboxSource.Address(eventMessage.Order.Id));
        return Task.CompletedTask;
    }

    // 4.90 has no cancel event: a cancellation is a status change to Cancelled
    public Task HandleEventAsync(OrderStatusChangedEvent eventMessage)
    {
        if (eventMessage.Order.OrderStatus == OrderStatus.Cancelled)
            _queue.Enqueue(OrderOutboxSource.Address(eventMessage.Order.Id));
        return Task.CompletedTask;
    }

    public Task HandleEventAsync(EntityDeletedEvent<Order> eventMessage)
    {
        _queue.Enqueue(OrderOutboxSource.Address(eventMessage.Entity.Id));
        return Task.CompletedTask;
    }
}
