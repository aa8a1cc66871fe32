using Nop.Core;
using Nop.Core.Domain.Common;
using Nop.Core.Domain.Orders;
using Nop.Data;
using Nop.Plugin.Misc.Gameball.Services.Orders;
using Nop.Plugin.Misc.Gameball.Services.Outbox;

namespace Nop.Plugin.Misc.Gameball.Services.Admin;

/// <summary>Finds orders by their sync status (a generic attribute of the order) and creation date.</summary>
public class SyncLogQuery
{
    private readonly IRepository<GenericAttribute> _genericAttributeRepository;
    private readonly IRepository<Order> _orderRepository;

    public SyncLogQuery(IRepository<GenericAttribute> genericAttributeRepository, IRepository<Order> orderRepository)
    {
        _genericAttributeRepository = genericAttributeRepository;
        _orderRepository = orderRepository;
    }

    public Task<int> CountAsync(SyncStatus status)
    {
        var value = status.ToString();
        return Statuses().CountAsync(a => a.Value == value);
    }

    /// <summary>Tracked orders, newest first; <paramref name="createdBeforeUtc"/> is exclusive.</summary>
    public Task<IPagedList<Order>> SearchAsync(SyncStatus? status, DateTime? createdFromUtc, DateTime? createdBeforeUtc, int pageIndex, int pageSize)
    {
        var value = status?.ToString();
        var query = from a in Statuses()
                    join o in _orderRepository.Table on a.EntityId equals o.Id
                    where (value == null || a.Value == value)
                          && (createdFromUtc == null || o.CreatedOnUtc >= createdFromUtc)
                          && (createdBeforeUtc == null || o.CreatedOnUtc < createdBeforeUtc)
                    orderby o.CreatedOnUtc descending, o.Id descending
                    select o;
        return query.ToPagedListAsync(pageIndex, pageSize);
    }

    /// <summary>The sync states of a page of orders in one query (the grid would otherwise read them order by order).</summary>
    public async Task<IReadOnlyDictionary<int, OrderSyncState>> StatesAsync(IEnumerable<Order> orders)
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

    /// <summary>Orders whose sync status is failed, oldest first.</summary>
    public async Task<IReadOnlyList<int>> FailedOrderIdsAsync(int max)
    {
        var failed = SyncStatus.Failed.ToString();
        return await Statuses().Where(a => a.Value == failed).OrderBy(a => a.EntityId).Select(a => a.EntityId).Take(max).ToListAsync();
    }

    private IQueryable<GenericAttribute> Statuses() =>
        _genericAttributeRepository.Table.Where(a => a.KeyGroup == nameof(Order) && a.Key == OrderSyncStateStore.StatusKey);
}
