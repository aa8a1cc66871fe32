using System.Globalization;
using Nop.Core.Domain.Common;
using Nop.Core.Domain.Orders;
using Nop.Core.Domain.Payments;
using Nop.Data;
using Nop.Plugin.Misc.Gameball.Services.Api;
using Nop.Plugin.Misc.Gameball.Services.Outbox;
using Nop.Services.Configuration;
using Nop.Services.Orders;
using Nop.Services.Stores;

namespace Nop.Plugin.Misc.Gameball.Services.Orders;

/// <summary>
/// Orders as outbox work: an order is tracked once it is paid, then whatever nopCommerce refunded,
/// cancelled or deleted is reversed, each exactly once. A pass decides what is due from nopCommerce's
/// own numbers, fixes each request's payload before its first send (ids, times and amounts never
/// change on a retry) and hands the items, in order, to <see cref="OutboxRunner"/>.
/// </summary>
public class OrderOutboxSource : IOutboxSource
{
    /// <summary>How far back refunds and cancellations of acknowledged orders are reconciled.</summary>
    public static TimeSpan ReversalLookback { get; } = TimeSpan.FromDays(60);

    private static readonly int[] _paidStatuses = [(int)PaymentStatus.Paid, (int)PaymentStatus.PartiallyRefunded, (int)PaymentStatus.Refunded];

    private readonly IRepository<GenericAttribute> _genericAttributeRepository;
    private readonly IRepository<Order> _orderRepository;
    private readonly IOrderService _orderService;
    private readonly ISettingService _settingService;
    private readonly IStoreService _storeService;
    private readonly OrderReversalHandler _reversalHandler;
    private readonly OrderSnapshotLoader _snapshotLoader;
    private readonly OrderSyncStateStore _stateStore;
    private readonly OutboxRunner _runner;
    private readonly TimeProvider _timeProvider;
    private readonly TrackOrderHandler _trackHandler;

    public OrderOutboxSource(IRepository<GenericAttribute> genericAttributeRepository,
        IRepository<Order> orderRepository,
        IOrderService orderService,
        ISettingService settingService,
        IStoreService storeService,
        OrderReversalHandler reversalHandler,
        OrderSnapshotLoader snapshotLoader,
        OrderSyncStateStore stateStore,
        OutboxRunner runner,
        TimeProvider timeProvider,
        TrackOrderHandler trackHandler)
    {
        _genericAttributeRepository = genericAttributeRepository;
        _orderRepository = orderRepository;
        _orderService = orderService;
        _settingService = settingService;
        _storeService = storeService;
        _reversalHandler = reversalHandler;
        _snapshotLoader = snapshotLoader;
        _stateStore = stateStore;
        _runner = runner;
        _timeProvider = timeProvider;
        _trackHandler = trackHandler;
    }

    public const string Group = nameof(Order);

    public static OutboxAddress Address(int orderId) => new(Group, orderId);

    public string EntityGroup => Group;

    // the key earlier versions used, so nodes of both versions exclude each other during a rolling deploy
    public string LockKey(int entityId) => "Nop.Plugin.Misc.Gameball.OrderSync." + entityId.ToString(CultureInfo.InvariantCulture);

    private DateTime Now => _timeProvider.GetUtcNow().UtcDateTime;

    public async Task<GameballSettings?> SettingsOfAsync(int entityId)
    {
        var order = await _orderService.GetOrderByIdAsync(entityId);
        return order is null ? null : await _settingService.LoadSettingAsync<GameballSettings>(order.StoreId);
    }

    public async Task<OutboxOutcome> ProcessAsync(int entityId, bool retryNow, OutboxPass pass, CancellationToken cancellationToken)
    {
        var order = await _orderService.GetOrderByIdAsync(entityId);
        if (order is null)
            return OutboxOutcome.Nothing;

        var state = await _stateStore.LoadAsync(order);
        if (state is null && !IsPaid(order))
            return OutboxOutcome.Nothing;

        state ??= new OrderSyncState();
        if (retryNow)
        {
            state.RetryNow();
            state.Refunds.ForEach(r => r.RetryNow());
        }

        Task SaveAsync() => _stateStore.SaveAsync(order, state);
        OrderSnapshot? snapshot = null;

        if (state.Status == SyncStatus.Pending && await PrepareTrackingAsync(order, state, pass.Settings) is (true, var read))
        {
            snapshot = read;
            await _runner.RunAsync(state, _trackHandler, pass, SaveAsync, $"order {order.CustomOrderNumber}", cancellationToken);
        }

        if (state.IsAcknowledged && pass.Settings.EnableRefundSync)
        {
            RecordReversals(order, state);
            // in order: a later reversal is computed against the earlier ones
            foreach (var refund in state.Refunds.Where(r => r.Status == SyncStatus.Pending).ToList())
            {
                if (!refund.IsDue(Now))
                    break;
                if (refund.Payload is null)
                {
                    snapshot ??= await _snapshotLoader.LoadAsync(order);
                    var isOnlyReversal = state.Refunds.Count(r => r.Status != SyncStatus.Skipped) == 1;
                    refund.Payload = GameballJson.Serialize(OrderRequestMapper.MapRefund(snapshot, state.Identity!, refund, isOnlyReversal));
                }

                await _runner.RunAsync(refund, _reversalHandler, pass, SaveAsync, $"reversal {refund.RefundTransactionId}", cancellationToken);
                if (refund.Status != SyncStatus.Sent)
                    break;
            }
        }

        await SaveAsync();
        return new OutboxOutcome(state.OverallStatus, state.OverallStatus == SyncStatus.Pending ? state.NextDueUtc : null);
    }

    /// <summary>
    /// Skips an order that must not be tracked; otherwise fixes its identity and payload, once, before
    /// its first send. Send is false when the order was skipped; Snapshot is what it read, if anything.
    /// </summary>
    private async Task<(bool Send, OrderSnapshot? Snapshot)> PrepareTrackingAsync(Order order, OrderSyncState state, GameballSettings settings)
    {
        if (state.Payload is not null)
            return (true, null);

        var snapshot = await _snapshotLoader.LoadAsync(order);
        if (state.Identity is null)
        {
            // decided before anything is sent; a reversal before that means there is nothing to award
            if (!settings.EnableOrderTracking)
            {
                state.MarkSkipped("Order tracking was off for this store when the order was paid.");
                return (false, snapshot);
            }

            if (snapshot.IsGuest && !settings.TrackGuestOrders)
            {
                state.MarkSkipped("Guest orders are not tracked in this store.");
                return (false, snapshot);
            }

            if (order.Deleted || (!state.Backfilled && (order.OrderStatus == OrderStatus.Cancelled || order.PaymentStatus == PaymentStatus.Refunded)))
            {
                state.MarkSkipped("The order was refunded, cancelled or deleted before it reached Gameball.");
                return (false, snapshot);
            }
        }

        // a state written by an earlier version has an identity and a totalPaid but no payload: the same request again
        state.Identity ??= new TrackedOrderIdentity(GameballIdentifiers.OrderId(order), snapshot.CustomerId, DateTime.SpecifyKind(order.CreatedOnUtc, DateTimeKind.Utc));
        var request = OrderRequestMapper.MapTrackOrder(snapshot, state.Identity);
        state.TrackedTotalPaid ??= request.TotalPaid;
        state.Payload = GameballJson.Serialize(request with { TotalPaid = state.TrackedTotalPaid.Value });
        return (true, snapshot);
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

    public async Task<bool> ResetFailedAsync(int entityId)
    {
        var order = await _orderService.GetOrderByIdAsync(entityId);
        var state = order is null ? null : await _stateStore.LoadAsync(order);
        if (state?.OverallStatus != SyncStatus.Failed)
            return false;
        state.ResetForRetry();
        state.Refunds.ForEach(r => r.ResetForRetry());
        await _stateStore.SaveAsync(order!, state);
        return true;
    }

    /// <summary>
    /// Paid orders no event reached (crash, restart, deploy, outage), orders with pending work (in backoff,
    /// or left in flight by a dead process), and acknowledged orders nopCommerce refunded, cancelled or
    /// deleted since (reconciling finds any reversal an event missed).
    /// </summary>
    public async Task<IReadOnlyCollection<int>> FindWorkAsync(CancellationToken cancellationToken)
    {
        var statuses = _genericAttributeRepository.Table.Where(a => a.KeyGroup == Group && a.Key == OrderSyncStateStore.StatusKey);
        var due = new HashSet<int>();

        foreach (var store in await _storeService.GetAllStoresAsync())
        {
            cancellationToken.ThrowIfCancellationRequested();
            var settings = await _settingService.LoadSettingAsync<GameballSettings>(store.Id);
            if (!settings.EnableOrderTracking || settings.TrackingEnabledFromUtc is not { } trackedFrom)
                continue;

            var untracked = _orderRepository.Table
                .Where(o => o.StoreId == store.Id && !o.Deleted && o.PaidDateUtc != null && o.PaidDateUtc >= trackedFrom && _paidStatuses.Contains(o.PaymentStatusId))
                .Where(o => !statuses.Any(a => a.EntityId == o.Id))
                .Select(o => o.Id);
            due.UnionWith(await untracked.ToListAsync());
        }

        var pending = SyncStatus.Pending.ToString();
        due.UnionWith(await statuses.Where(a => a.Value == pending).Select(a => a.EntityId).ToListAsync());

        var sent = SyncStatus.Sent.ToString();
        var since = Now - ReversalLookback;
        var reversible = _orderRepository.Table
            .Where(o => o.CreatedOnUtc >= since && (o.RefundedAmount > 0 || o.OrderStatusId == (int)OrderStatus.Cancelled || o.Deleted))
            .Where(o => statuses.Any(a => a.EntityId == o.Id && a.Value == sent))
            .Select(o => o.Id);
        due.UnionWith(await reversible.ToListAsync());
        return due;
    }

    internal static bool IsPaid(Order order) => order.PaidDateUtc is not null
        || order.PaymentStatus is PaymentStatus.Paid or PaymentStatus.PartiallyRefunded or PaymentStatus.Refunded;
}
