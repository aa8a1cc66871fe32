using Nop.Core.Domain.Common;
using Nop.Core.Domain.Orders;
using Nop.Data;
using Nop.Plugin.Misc.Gameball.Models;
using Nop.Plugin.Misc.Gameball.Services.Orders;

namespace Nop.Plugin.Misc.Gameball.Services.Admin;

/// <summary>Reads the sync log from the orders' generic attributes: filtered by status and date, paged.</summary>
public class SyncLogQuery
{
    private readonly IRepository<GenericAttribute> _genericAttributeRepository;
    private readonly IRepository<Order> _orderRepository;
    private readonly OrderSyncStateStore _stateStore;

    public SyncLogQuery(IRepository<GenericAttribute> genericAttributeRepository, IRepository<Order> orderRepository, OrderSyncStateStore stateStore)
    {
        _genericAttributeRepository = genericAttributeRepository;
        _orderRepository = orderRepository;
        _stateStore = stateStore;
    }

    public Task<int> CountAsync(SyncStatus status)
    {
        var value = status.ToString();
        return Task.FromResult(Statuses().Count(a => a.Value == value));
    }

    public async Task<SyncLogModel> SearchAsync(SyncLogModel filter)
    {
        var page = Math.Max(1, filter.Page);
        var pageSize = Math.Clamp(filter.PageSize, 1, 200);
        var status = filter.Status?.ToString();
        var query = from a in Statuses()
                    join o in _orderRepository.Table on a.EntityId equals o.Id
                    where (status == null || a.Value == status)
                          && (filter.CreatedFromUtc == null || o.CreatedOnUtc >= filter.CreatedFromUtc)
                          && (filter.CreatedToUtc == null || o.CreatedOnUtc <= filter.CreatedToUtc)
                    orderby o.CreatedOnUtc descending
                    select o;
        var total = query.Count();
        var orders = query.Skip((page - 1) * pageSize).Take(pageSize).ToList();

        var rows = new List<SyncLogRow>();
        foreach (var order in orders)
        {
            var state = await _stateStore.LoadAsync(order) ?? new OrderSyncState();
            rows.Add(new SyncLogRow
            {
                OrderId = order.Id,
                OrderNumber = order.CustomOrderNumber,
                CreatedOnUtc = order.CreatedOnUtc,
                Status = state.OverallStatus,
                Attempts = state.Attempts + state.Refunds.Sum(r => r.Attempts),
                LastAttemptUtc = new[] { state.LastAttemptUtc }.Concat(state.Refunds.Select(r => r.LastAttemptUtc)).Max(),
                NextAttemptUtc = state.NextDueUtc,
                LastError = state.LastError ?? state.Refunds.LastOrDefault(r => r.LastError is not null)?.LastError,
                RewardedPoints = state.RewardedPoints,
                Refunds = state.Refunds,
            });
        }

        return filter with { Page = page, PageSize = pageSize, TotalCount = total, Rows = rows };
    }

    /// <summary>Orders whose sync status is failed, oldest first.</summary>
    public IReadOnlyList<int> FailedOrderIds(int max)
    {
        var failed = SyncStatus.Failed.ToString();
        return [.. Statuses().Where(a => a.Value == failed).OrderBy(a => a.EntityId).Select(a => a.EntityId).Take(max)];
    }

    private IQueryable<GenericAttribute> Statuses() =>
        _genericAttributeRepository.Table.Where(a => a.KeyGroup == nameof(Order) && a.Key == OrderSyncStateStore.StatusKey);
}
