using Nop.Plugin.Misc.Gameball.Services.Outbox;

namespace Nop.Plugin.Misc.Gameball.Services.Orders;

/// <summary>What became of one pass over an order, and when it wants another.</summary>
public sealed record OrderSyncOutcome(SyncStatus Status, DateTime? RetryAtUtc, bool Busy = false)
{
    public static OrderSyncOutcome From(OutboxOutcome outcome) => new(outcome.Status, outcome.RetryAtUtc, outcome.Busy);
}

/// <summary>
/// One order's Gameball work brought in line now, through the outbox (the order's lock, write-ahead,
/// probe before resend): what the admin's Retry now and Resend run, and what the dispatcher runs for a
/// queued order.
/// </summary>
public class OrderSyncProcessor
{
    private readonly OutboxProcessor _outbox;

    public OrderSyncProcessor(OutboxProcessor outbox)
    {
        _outbox = outbox;
    }

    /// <param name="retryFailed">The admin's retry: failed work gets fresh attempts and work waiting in backoff is sent at once.</param>
    public async Task<OrderSyncOutcome> ProcessAsync(int orderId, bool retryFailed, CancellationToken cancellationToken) =>
        OrderSyncOutcome.From(await _outbox.ProcessAsync(OrderOutboxSource.Address(orderId), retryFailed, cancellationToken));

    /// <summary>The admin's "retry all failed": failed work of the order becomes due again; the dispatcher sends it.</summary>
    public Task<bool> ResetFailedAsync(int orderId) => _outbox.ResetFailedAsync(OrderOutboxSource.Address(orderId));
}
