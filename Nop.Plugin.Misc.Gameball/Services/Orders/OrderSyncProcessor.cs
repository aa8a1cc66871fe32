using Nop.Core.Caching;
using Nop.Core.Domain.Logging;
using Nop.Core.Domain.Orders;
using Nop.Core.Domain.Payments;
using Nop.Plugin.Misc.Gameball.Services.Api;
using Nop.Services.Configuration;
using Nop.Services.Logging;
using Nop.Services.Orders;

namespace Nop.Plugin.Misc.Gameball.Services.Orders;

/// <summary>What became of one pass over an order, and when it wants another.</summary>
public sealed record OrderSyncOutcome(SyncStatus Status, DateTime? RetryAtUtc, bool Busy = false)
{
    public static OrderSyncOutcome LockBusy(DateTime retryAtUtc) => new(SyncStatus.Pending, retryAtUtc, Busy: true);
}

/// <summary>
/// Brings one order in line with Gameball: tracks it once it is paid, then reverses in Gameball whatever
/// nopCommerce refunded, cancelled or deleted, each exactly once. Runs under a per-order lock (nopCommerce's
/// <see cref="ILocker"/>, distributed in a web farm), so the dispatcher and the sweep never send one order
/// twice at the same time; every step is persisted before and after it is sent.
/// </summary>
public class OrderSyncProcessor
{
    private static readonly TimeSpan _lockExpiry = TimeSpan.FromMinutes(5);
    private static readonly TimeSpan _busyRetry = TimeSpan.FromSeconds(5);

    private readonly IGameballApiClient _apiClient;
    private readonly ILocker _locker;
    private readonly ILogger _logger;
    private readonly IOrderService _orderService;
    private readonly ISettingService _settingService;
    private readonly OrderSnapshotLoader _snapshotLoader;
    private readonly OrderSyncStateStore _stateStore;
    private readonly TimeProvider _timeProvider;

    public OrderSyncProcessor(IGameballApiClient apiClient,
        ILocker locker,
        ILogger logger,
        IOrderService orderService,
        ISettingService settingService,
        OrderSnapshotLoader snapshotLoader,
        OrderSyncStateStore stateStore,
        TimeProvider timeProvider)
    {
        _apiClient = apiClient;
        _locker = locker;
        _logger = logger;
        _orderService = orderService;
        _settingService = settingService;
        _snapshotLoader = snapshotLoader;
        _stateStore = stateStore;
        _timeProvider = timeProvider;
    }

    /// <param name="retryFailed">The admin's retry: failed work gets fresh attempts and work in backoff is sent now.</param>
    public async Task<OrderSyncOutcome> ProcessAsync(int orderId, bool retryFailed, CancellationToken cancellationToken)
    {
        OrderSyncOutcome? outcome = null;
        var locked = await _locker.PerformActionWithLockAsync($"Nop.Plugin.Misc.Gameball.OrderSync.{orderId}", _lockExpiry,
            async () => outcome = await ProcessLockedAsync(orderId, retryFailed, cancellationToken));
        return locked && outcome is not null ? outcome : OrderSyncOutcome.LockBusy(Now + _busyRetry);
    }

    /// <summary>The admin's "retry all failed": failed work of the order becomes due again; the dispatcher sends it.</summary>
    public async Task<bool> ResetFailedAsync(int orderId)
    {
        var reset = false;
        await _locker.PerformActionWithLockAsync($"Nop.Plugin.Misc.Gameball.OrderSync.{orderId}", _lockExpiry, async () =>
        {
            var order = await _orderService.GetOrderByIdAsync(orderId);
            var state = order is null ? null : await _stateStore.LoadAsync(order);
            if (state?.OverallStatus != SyncStatus.Failed)
                return;
            state.ResetForRetry();
            state.Refunds.ForEach(r => r.ResetForRetry());
            await _stateStore.SaveAsync(order!, state);
            reset = true;
        });
        return reset;
    }

    private DateTime Now => _timeProvider.GetUtcNow().UtcDateTime;

    private async Task<OrderSyncOutcome> ProcessLockedAsync(int orderId, bool retryFailed, CancellationToken cancellationToken)
    {
        var order = await _orderService.GetOrderByIdAsync(orderId);
        if (order is null)
            return new OrderSyncOutcome(SyncStatus.Skipped, null);

        var state = await _stateStore.LoadAsync(order);
        if (state is null && !IsPaid(order))
            return new OrderSyncOutcome(SyncStatus.Skipped, null);

        state ??= new OrderSyncState();
        if (retryFailed)
        {
            state.RetryNow();
            state.Refunds.ForEach(r => r.RetryNow());
        }

        var settings = await _settingService.LoadSettingAsync<GameballSettings>(order.StoreId);
        var credentials = GameballCredentials.FromSettings(settings);
        var policy = GameballCallPolicy.Background(settings);
        OrderSnapshot? snapshot = null;

        if (state.Status == SyncStatus.Pending)
        {
            snapshot = await _snapshotLoader.LoadAsync(order);
            await TrackAsync(order, state, snapshot, settings, credentials, policy, cancellationToken);
        }

        if (state.IsAcknowledged && settings.EnableRefundSync)
        {
            RecordReversals(order, state);
            if (state.Refunds.Any(r => r.IsDue(Now)))
            {
                snapshot ??= await _snapshotLoader.LoadAsync(order);
                await ReverseAsync(state, snapshot, settings, credentials, policy, cancellationToken);
            }
        }

        await _stateStore.SaveAsync(order, state);
        return new OrderSyncOutcome(state.OverallStatus, state.OverallStatus == SyncStatus.Pending ? state.NextDueUtc : null);
    }

    private async Task TrackAsync(Order order, OrderSyncState state, OrderSnapshot snapshot, GameballSettings settings,
        GameballCredentials credentials, GameballCallPolicy policy, CancellationToken cancellationToken)
    {
        if (state.Identity is null)
        {
            // decided before anything is sent; a reversal before that means there is nothing to award
            if (!settings.EnableOrderTracking)
            {
                state.MarkSkipped("Order tracking was off for this store when the order was paid.");
                return;
            }

            if (snapshot.IsGuest && !settings.TrackGuestOrders)
            {
                state.MarkSkipped("Guest orders are not tracked in this store.");
                return;
            }

            if (order.Deleted || order.OrderStatus == OrderStatus.Cancelled || order.PaymentStatus == PaymentStatus.Refunded)
            {
                state.MarkSkipped("The order was refunded, cancelled or deleted before it reached Gameball.");
                return;
            }
        }

        if (!credentials.IsComplete)
        {
            state.MarkWaitingForConfiguration("The Gameball API key and secret key of this store are not set.", Now);
            return;
        }

        if (!state.IsDue(Now))
            return;

        state.Identity ??= new TrackedOrderIdentity(GameballIdentifiers.OrderId(order), snapshot.CustomerId, DateTime.SpecifyKind(order.CreatedOnUtc, DateTimeKind.Utc));
        var request = OrderRequestMapper.MapTrackOrder(snapshot, state.Identity);
        state.TrackedTotalPaid ??= request.TotalPaid;

        try
        {
            if (state.MayHaveLanded && await OrderLandedAsync(credentials, state.Identity.OrderId, policy, cancellationToken))
            {
                state.MarkAcknowledged(Now);
                return;
            }

            var response = await _apiClient.TrackOrderAsync(credentials, request with { TotalPaid = state.TrackedTotalPaid.Value }, policy, cancellationToken);
            state.RewardedPoints = response.RewardedPoints;
            state.MarkAcknowledged(Now);
        }
        catch (GameballApiException e)
        {
            await RecordFailureAsync(state, e, settings, $"order {order.CustomOrderNumber}");
        }
    }

    /// <summary>Turns what nopCommerce refunded, cancelled or deleted since the last pass into reversals, each with its id.</summary>
    private void RecordReversals(Order order, OrderSyncState state)
    {
        if (state.IsFullyReversed)
            return;

        var totalPaid = state.TrackedTotalPaid ?? 0;
        var reason = order.Deleted ? ReversalReason.Deletion
            : order.OrderStatus == OrderStatus.Cancelled ? ReversalReason.Cancellation
            : ReversalReason.Refund;
        var wholeOrder = reason != ReversalReason.Refund || order.PaymentStatus == PaymentStatus.Refunded || order.RefundedAmount >= order.OrderTotal;

        if (wholeOrder)
        {
            AddReversal(state, reason, Math.Max(0, totalPaid - state.ReversedAmount), isFull: true);
            state.RefundedAmountSeen = order.RefundedAmount;
            return;
        }

        var newlyRefunded = order.RefundedAmount - state.RefundedAmountSeen;
        if (newlyRefunded <= 0)
            return;
        var amount = OrderRequestMapper.ReversibleAmount(newlyRefunded, order.OrderTotal, totalPaid, state.ReversedAmount);
        state.RefundedAmountSeen = order.RefundedAmount;
        if (amount > 0)
            AddReversal(state, reason, amount, isFull: false);
    }

    private void AddReversal(OrderSyncState state, ReversalReason reason, decimal amount, bool isFull)
    {
        var refund = new RefundSyncState
        {
            RefundTransactionId = GameballIdentifiers.RefundTransactionId(state.Identity!.OrderId, state.Refunds.Count + 1),
            Reason = reason,
            Amount = amount,
            IsFullReversal = isFull,
            CreatedUtc = Now,
        };
        if (amount <= 0)
            refund.MarkSkipped("Nothing of the order's cashback remained to reverse.");
        state.Refunds.Add(refund);
    }

    private async Task ReverseAsync(OrderSyncState state, OrderSnapshot snapshot, GameballSettings settings, GameballCredentials credentials,
        GameballCallPolicy policy, CancellationToken cancellationToken)
    {
        if (!credentials.IsComplete)
        {
            foreach (var refund in state.Refunds.Where(r => r.IsDue(Now)))
                refund.MarkWaitingForConfiguration("The Gameball API key and secret key of this store are not set.", Now);
            return;
        }

        // in order: a later reversal is computed against the earlier ones
        foreach (var refund in state.Refunds.Where(r => r.Status == SyncStatus.Pending))
        {
            if (!refund.IsDue(Now))
                break;
            var request = OrderRequestMapper.MapRefund(snapshot, state.Identity!, refund, isOnlyReversal: state.Refunds.Count(r => r.Status != SyncStatus.Skipped) == 1);
            try
            {
                if (refund.MayHaveLanded && await RefundLandedAsync(credentials, state.Identity!.OrderId, refund.RefundTransactionId, policy, cancellationToken))
                {
                    refund.MarkAcknowledged(Now);
                    continue;
                }

                var response = await _apiClient.RefundAsync(credentials, request, policy, cancellationToken);
                refund.ReversedPoints = response.RefundEquivalentPoints;
                refund.MarkAcknowledged(Now);
            }
            catch (GameballApiException e)
            {
                await RecordFailureAsync(refund, e, settings, $"reversal {refund.RefundTransactionId}");
                break;
            }
        }
    }

    private async Task RecordFailureAsync(SyncWork work, GameballApiException error, GameballSettings settings, string what)
    {
        switch (error.Kind)
        {
            case GameballErrorKind.AlreadyApplied:
                work.MarkAcknowledged(Now);
                return;
            case var kind when kind.IsConfigurationProblem():
                work.MarkWaitingForConfiguration(error.Message, Now);
                return;
            case var kind when kind.IsTransient():
                work.MarkAttemptFailed(error.Message, mayHaveLanded: kind is GameballErrorKind.Timeout or GameballErrorKind.Unreachable or GameballErrorKind.ServerError, Now, settings.MaxSyncAttempts);
                break;
            default:
                work.MarkRefused(error.Message, Now);
                break;
        }

        if (work.Status == SyncStatus.Failed)
            await _logger.InsertLogAsync(LogLevel.Warning, $"{GameballDefaults.SystemName}: Gameball did not accept {what}; it is marked failed in the sync log.", error.Message);
    }

    private async Task<bool> OrderLandedAsync(GameballCredentials credentials, string orderId, GameballCallPolicy policy, CancellationToken cancellationToken)
    {
        var transactions = await _apiClient.GetOrderTransactionsAsync(credentials, orderId, policy, cancellationToken);
        return transactions.Transactions?.Any(t => t.TransactionType is "PaymentReward" or "AchievementReward" or "Payment") == true;
    }

    private async Task<bool> RefundLandedAsync(GameballCredentials credentials, string orderId, string refundTransactionId, GameballCallPolicy policy, CancellationToken cancellationToken)
    {
        var transactions = await _apiClient.GetOrderTransactionsAsync(credentials, orderId, policy, cancellationToken);
        return transactions.Transactions?.Any(t => t.TransactionId == refundTransactionId) == true;
    }

    internal static bool IsPaid(Order order) => order.PaidDateUtc is not null
        || order.PaymentStatus is PaymentStatus.Paid or PaymentStatus.PartiallyRefunded or PaymentStatus.Refunded;
}
