using Nop.Core.Domain.Common;
using Nop.Core.Domain.Orders;
using Nop.Core.Domain.Payments;
using Nop.Data;
using Nop.Services.Configuration;
using Nop.Services.Stores;

namespace Nop.Plugin.Misc.Gameball.Services.Orders;

/// <summary>
/// Finds, from the database alone, every order whose Gameball work is not done and hands it to the
/// dispatcher: paid orders no event reached (crash, restart, deploy, outage), orders waiting for another
/// attempt, and reversals whose event was missed. Run by the schedule task and at start-up.
/// </summary>
public class GameballSyncSweep
{
    /// <summary>How far back refunds and cancellations of acknowledged orders are reconciled.</summary>
    public static TimeSpan ReversalLookback { get; } = TimeSpan.FromDays(60);

    private static readonly int[] _paidStatuses = [(int)PaymentStatus.Paid, (int)PaymentStatus.PartiallyRefunded, (int)PaymentStatus.Refunded];

    private readonly IRepository<GenericAttribute> _genericAttributeRepository;
    private readonly IRepository<Order> _orderRepository;
    private readonly ISettingService _settingService;
    private readonly IStoreService _storeService;
    private readonly GameballSyncQueue _queue;
    private readonly TimeProvider _timeProvider;

    public GameballSyncSweep(IRepository<GenericAttribute> genericAttributeRepository,
        IRepository<Order> orderRepository,
        ISettingService settingService,
        IStoreService storeService,
        GameballSyncQueue queue,
        TimeProvider timeProvider)
    {
        _genericAttributeRepository = genericAttributeRepository;
        _orderRepository = orderRepository;
        _settingService = settingService;
        _storeService = storeService;
        _queue = queue;
        _timeProvider = timeProvider;
    }

    /// <returns>How many orders were handed to the dispatcher.</returns>
    public async Task<int> SweepAsync(CancellationToken cancellationToken)
    {
        var statuses = _genericAttributeRepository.Table.Where(a => a.KeyGroup == nameof(Order) && a.Key == OrderSyncStateStore.StatusKey);
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

        // acknowledged orders that nopCommerce refunded, cancelled or deleted: reconciling finds any reversal an event missed
        var sent = SyncStatus.Sent.ToString();
        var since = _timeProvider.GetUtcNow().UtcDateTime - ReversalLookback;
        var reversible = _orderRepository.Table
            .Where(o => o.CreatedOnUtc >= since && (o.RefundedAmount > 0 || o.OrderStatusId == (int)OrderStatus.Cancelled || o.Deleted))
            .Where(o => statuses.Any(a => a.EntityId == o.Id && a.Value == sent))
            .Select(o => o.Id);
        due.UnionWith(await reversible.ToListAsync());

        return due.Count(_queue.Enqueue);
    }
}
