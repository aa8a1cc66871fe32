using System.Globalization;
using Nop.Core.Domain.Common;
using Nop.Core.Domain.Orders;
using Nop.Data;
using Nop.Plugin.Misc.Gameball.Services.Orders;
using Nop.Plugin.Misc.Gameball.Services.Outbox;
using Nop.Services.Localization;

namespace Nop.Plugin.Misc.Gameball.Services.Admin.SyncLog;

/// <summary>
/// Tracked orders in the sync log, one row per order with its reversals folded in, found by their sync
/// status (a generic attribute of the order) and creation date in the database: a read costs the rows
/// asked for, not the whole log.
/// </summary>
public class OrderSyncLogSource : ISyncLogSource
{
    public const string Kind = "Order";

    private readonly IRepository<GenericAttribute> _genericAttributeRepository;
    private readonly IRepository<Order> _orderRepository;
    private readonly ILocalizationService _localizationService;

    public OrderSyncLogSource(IRepository<GenericAttribute> genericAttributeRepository, IRepository<Order> orderRepository, ILocalizationService localizationService)
    {
        _genericAttributeRepository = genericAttributeRepository;
        _orderRepository = orderRepository;
        _localizationService = localizationService;
    }

    public IReadOnlyList<string> Kinds { get; } = [Kind];

    public Task<int> CountAsync(SyncStatus status)
    {
        var value = status.ToString();
        return Statuses().CountAsync(a => a.Value == value);
    }

    public async Task<SyncLogSlice> NewestAsync(SyncLogFilter filter, int take)
    {
        if (filter.Kind is not null && filter.Kind != Kind)
            return SyncLogSlice.Empty;
        var value = filter.Status?.ToString();
        var createdFrom = filter.CreatedFromUtc;
        var createdBefore = filter.CreatedBeforeUtc;
        var query = from a in Statuses()
                    join o in _orderRepository.Table on a.EntityId equals o.Id
                    where (value == null || a.Value == value)
                          && (createdFrom == null || o.CreatedOnUtc >= createdFrom)
                          && (createdBefore == null || o.CreatedOnUtc < createdBefore)
                    orderby o.CreatedOnUtc descending, o.Id descending
                    select o;
        var total = await query.CountAsync();
        var orders = await query.Take(take).ToListAsync();
        var states = await StatesAsync(orders);
        var names = new Dictionary<SyncStatus, string>();
        foreach (var status in Enum.GetValues<SyncStatus>())
            names[status] = await _localizationService.GetResourceAsync("Plugins.Misc.Gameball.SyncLog.Status." + status);
        return new SyncLogSlice(orders.Select(o => ToRow(o, states.GetValueOrDefault(o.Id) ?? new OrderSyncState(), names)).ToList(), total);
    }

    public async Task<IReadOnlyList<OutboxAddress>> FailedAsync(int max)
    {
        var failed = SyncStatus.Failed.ToString();
        var ids = await Statuses().Where(a => a.Value == failed).OrderBy(a => a.EntityId).Select(a => a.EntityId).Take(max).ToListAsync();
        return ids.Select(OrderOutboxSource.Address).ToList();
    }

    public Task<IReadOnlyList<SyncLogRow>> OfCustomerAsync(int customerId, int take) => Task.FromResult<IReadOnlyList<SyncLogRow>>([]);

    /// <summary>One row: the order's own sync and its reversals folded together.</summary>
    public static SyncLogRow ToRow(Order order, OrderSyncState state, IReadOnlyDictionary<SyncStatus, string> statusNames) => new()
    {
        Kind = Kind,
        Address = OrderOutboxSource.Address(order.Id),
        Key = order.Id.ToString(CultureInfo.InvariantCulture),
        Reference = order.CustomOrderNumber,
        ReferencePath = "Order/Edit/" + order.Id.ToString(CultureInfo.InvariantCulture),
        CreatedUtc = order.CreatedOnUtc,
        Status = state.OverallStatus,
        Attempts = state.Attempts + state.Refunds.Sum(r => r.Attempts),
        LastAttemptUtc = state.Refunds.Select(r => r.LastAttemptUtc).Append(state.LastAttemptUtc).Max(),
        LastError = state.LastError ?? state.Refunds.LastOrDefault(r => r.LastError is not null)?.LastError,
        Amount = order.OrderTotal,
        Points = state.RewardedPoints,
        Detail = string.Join("\n", state.Refunds.Select(r =>
            string.Create(CultureInfo.InvariantCulture, $"{r.RefundTransactionId}: {r.Amount:0.00} ({statusNames[r.Status]})"))),
    };

    /// <summary>The sync states of a page of orders in one query (the grid would otherwise read them order by order).</summary>
    private async Task<IReadOnlyDictionary<int, OrderSyncState>> StatesAsync(IEnumerable<Order> orders)
    {
        var ids = orders.Select(o => o.Id).ToArray();
        var rows = await _genericAttributeRepository.Table
            .Where(a => a.KeyGroup == nameof(Order) && a.Key == OrderSyncStateStore.StateKey && a.StoreId == 0 && ids.Contains(a.EntityId))
            .Select(a => new { a.EntityId, a.Value })
            .ToListAsync();
        var states = new Dictionary<int, OrderSyncState>();
        foreach (var row in rows)
        {
            if (OrderSyncStateStore.Parse(row.Value) is { } state)
                states[row.EntityId] = state;
        }

        return states;
    }

    private IQueryable<GenericAttribute> Statuses() =>
        _genericAttributeRepository.Table.Where(a => a.KeyGroup == nameof(Order) && a.Key == OrderSyncStateStore.StatusKey);
}
