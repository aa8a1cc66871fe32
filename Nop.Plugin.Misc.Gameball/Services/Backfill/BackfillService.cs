using System.Globalization;
using Nop.Core.Caching;
using Nop.Core.Domain.Common;
using Nop.Core.Domain.Customers;
using Nop.Core.Domain.Orders;
using Nop.Core.Domain.Payments;
using Nop.Data;
using Nop.Plugin.Misc.Gameball.Services.Cashback;
using Nop.Plugin.Misc.Gameball.Services.Orders;
using Nop.Plugin.Misc.Gameball.Services.Outbox;
using Nop.Plugin.Misc.Gameball.Services.Profiles;
using Nop.Services.Customers;
using Nop.Services.Orders;

namespace Nop.Plugin.Misc.Gameball.Services.Backfill;

/// <summary>A run's figures as the backfill page shows them.</summary>
public sealed record BackfillProgress(BackfillKind Kind, BackfillStatus Status, int Total, int Processed, int Queued, int Skipped, int Withdrawn,
    int Sent, int Failed, int Pending, double PerMinute, int? SecondsLeft, DateTime StartedUtc, DateTime? FinishedUtc, DateTime? SinceUtc);

/// <summary>
/// Onboarding an existing store: past orders (paid since a date) and existing customers become outbox
/// work in chunks, each entity once: an order that already has a sync state (tracked live, or by an
/// earlier run) is skipped; a new one gets a state marked as backfilled, under the order's lock, and
/// the outbox sends it like any other (probe before resend, Gameball's duplicate answer counts as done,
/// reversals of what nopCommerce already refunded or cancelled). The next chunk is handed out only once
/// the queue has room, so the run goes at the pace the rate limiter lets the outbox send; one node at a
/// time advances it (a lock), and its position is saved after every chunk.
/// </summary>
public class BackfillService
{
    public const int ChunkSize = 100;

    /// <summary>
    /// Entities handed out per second: two thirds of Gameball's 30 per second for orders and customer writes,
    /// so live orders keep their room and no request waits at the rate limiter long enough to time out.
    /// </summary>
    public const int PacePerSecond = 20;
    public const string OrderMarkerKey = "Gameball.OrderSyncBackfill";
    private const string LockKey = "Nop.Plugin.Misc.Gameball.Backfill";
    private static readonly int[] _paidStatuses = [(int)PaymentStatus.Paid, (int)PaymentStatus.PartiallyRefunded, (int)PaymentStatus.Refunded];

    private readonly ICustomerService _customerService;
    private readonly StateAttributes _attributes;
    private readonly ILocker _locker;
    private readonly IOrderService _orderService;
    private readonly IRepository<Customer> _customerRepository;
    private readonly IRepository<GenericAttribute> _genericAttributeRepository;
    private readonly IRepository<Order> _orderRepository;
    private readonly BackfillStore _store;
    private readonly OrderSyncStateStore _stateStore;
    private readonly OutboxProcessor _outbox;
    private readonly OutboxQueue _queue;
    private readonly TimeProvider _timeProvider;

    public BackfillService(ICustomerService customerService,
        StateAttributes attributes,
        ILocker locker,
        IOrderService orderService,
        IRepository<Customer> customerRepository,
        IRepository<GenericAttribute> genericAttributeRepository,
        IRepository<Order> orderRepository,
        BackfillStore store,
        OrderSyncStateStore stateStore,
        OutboxProcessor outbox,
        OutboxQueue queue,
        TimeProvider timeProvider)
    {
        _customerService = customerService;
        _attributes = attributes;
        _locker = locker;
        _orderService = orderService;
        _customerRepository = customerRepository;
        _genericAttributeRepository = genericAttributeRepository;
        _orderRepository = orderRepository;
        _store = store;
        _stateStore = stateStore;
        _outbox = outbox;
        _queue = queue;
        _timeProvider = timeProvider;
    }

    private DateTime Now => _timeProvider.GetUtcNow().UtcDateTime;

    private IQueryable<Order> OrdersPaidSince(DateTime sinceUtc) =>
        _orderRepository.Table.Where(o => !o.Deleted && o.PaidDateUtc != null && o.PaidDateUtc >= sinceUtc && _paidStatuses.Contains(o.PaymentStatusId));

    private IQueryable<Customer> CustomersWithAccounts =>
        _customerRepository.Table.Where(c => !c.Deleted && !c.IsSystemAccount && c.Email != null && c.Email != string.Empty);

    private static string RunId(BackfillJob job) => job.StartedUtc.Ticks.ToString(CultureInfo.InvariantCulture);

    /// <summary>Starts a run; null when one of the kind is running already.</summary>
    public async Task<BackfillJob?> StartAsync(BackfillKind kind, DateTime? sinceUtc, int adminId)
    {
        if (await _store.LoadAsync(kind) is { Status: BackfillStatus.Running })
            return null;
        var job = new BackfillJob
        {
            Kind = kind,
            Status = BackfillStatus.Running,
            SinceUtc = kind == BackfillKind.Orders ? sinceUtc ?? throw new ArgumentNullException(nameof(sinceUtc)) : null,
            StartedUtc = Now,
            StartedByCustomerId = adminId,
            Total = kind == BackfillKind.Orders ? await OrdersPaidSince(sinceUtc!.Value).CountAsync() : await CustomersWithAccounts.CountAsync(),
        };
        await _store.SaveAsync(job);
        return job;
    }

    /// <summary>Stops handing out work; orders given work by the run and not yet sent are withdrawn.</summary>
    public async Task<BackfillJob?> CancelAsync(BackfillKind kind, CancellationToken cancellationToken)
    {
        BackfillJob? job = null;
        await _locker.PerformActionWithLockAsync(LockKey, TimeSpan.FromMinutes(1), async () =>
        {
            job = await _store.LoadAsync(kind);
            if (job is not { Status: BackfillStatus.Running })
                return;
            job.Status = BackfillStatus.Cancelled;
            job.FinishedUtc = Now;
            if (kind == BackfillKind.Orders)
                job.Withdrawn += await WithdrawAsync(job, cancellationToken);
            await _store.SaveAsync(job);
        });
        return job;
    }

    private async Task<int> WithdrawAsync(BackfillJob job, CancellationToken cancellationToken)
    {
        var runId = RunId(job);
        var pending = SyncStatus.Pending.ToString();
        var marked = _genericAttributeRepository.Table.Where(a => a.KeyGroup == nameof(Order) && a.Key == OrderMarkerKey && a.Value == runId).Select(a => a.EntityId);
        var ids = await _genericAttributeRepository.Table
            .Where(a => a.KeyGroup == nameof(Order) && a.Key == OrderSyncStateStore.StatusKey && a.Value == pending && marked.Contains(a.EntityId))
            .Select(a => a.EntityId).ToListAsync();
        var withdrawn = 0;
        foreach (var id in ids)
        {
            await _outbox.UpdateAsync(OrderOutboxSource.Address(id), async () =>
            {
                var order = await _orderService.GetOrderByIdAsync(id);
                var state = order is null ? null : await _stateStore.LoadAsync(order);
                // only what never left: a send that may have landed is settled by the outbox as usual
                if (state is { Backfilled: true, Status: SyncStatus.Pending, Attempts: 0, NeedsSettling: false })
                {
                    state.MarkSkipped("The backfill was cancelled before the order was sent.");
                    await _stateStore.SaveAsync(order!, state);
                    withdrawn++;
                }
            }, cancellationToken);
        }

        return withdrawn;
    }

    /// <summary>Hands out the next chunk of each running backfill, if the queue has room; how many entities were handed out.</summary>
    public async Task<int> StepAsync(CancellationToken cancellationToken)
    {
        var stepped = 0;
        await _locker.PerformActionWithLockAsync(LockKey, TimeSpan.FromMinutes(1), async () =>
        {
            foreach (var kind in Enum.GetValues<BackfillKind>())
            {
                if (_queue.Count >= ChunkSize)
                    return;
                var job = await _store.LoadAsync(kind);
                if (job is not { Status: BackfillStatus.Running })
                    continue;
                var before = job.Processed;
                if (kind == BackfillKind.Orders)
                    await StepOrdersAsync(job, cancellationToken);
                else
                    await StepCustomersAsync(job);
                stepped += job.Processed - before;
                await _store.SaveAsync(job);
            }
        });
        return stepped;
    }

    private async Task<bool> StepOrdersAsync(BackfillJob job, CancellationToken cancellationToken)
    {
        var cursor = job.Cursor;
        var ids = await OrdersPaidSince(job.SinceUtc!.Value).Where(o => o.Id > cursor).OrderBy(o => o.Id).Select(o => o.Id).Take(ChunkSize).ToListAsync();
        if (ids.Count == 0)
            return Complete(job);

        var withState = (await _genericAttributeRepository.Table
            .Where(a => a.KeyGroup == nameof(Order) && a.Key == OrderSyncStateStore.StatusKey && ids.Contains(a.EntityId))
            .Select(a => a.EntityId).ToListAsync()).ToHashSet();
        var runId = RunId(job);
        foreach (var id in ids)
        {
            var created = false;
            if (!withState.Contains(id))
            {
                // under the order's lock: a live pass creating the state at the same moment wins, and this one skips it
                await _outbox.UpdateAsync(OrderOutboxSource.Address(id), async () =>
                {
                    var order = await _orderService.GetOrderByIdAsync(id);
                    if (order is null || await _stateStore.LoadAsync(order) is not null)
                        return;
                    await _attributes.SaveAttributeAsync(order, OrderMarkerKey, runId);
                    await _stateStore.SaveAsync(order, new OrderSyncState { Backfilled = true });
                    created = true;
                }, cancellationToken);
            }

            if (created)
            {
                job.Queued++;
                _queue.Enqueue(OrderOutboxSource.Address(id));
            }
            else
            {
                job.Skipped++;
            }

            job.Cursor = id;
        }

        return true;
    }

    private async Task<bool> StepCustomersAsync(BackfillJob job)
    {
        var cursor = job.Cursor;
        var ids = await CustomersWithAccounts.Where(c => c.Id > cursor).OrderBy(c => c.Id).Select(c => c.Id).Take(ChunkSize).ToListAsync();
        if (ids.Count == 0)
            return Complete(job);
        foreach (var id in ids)
        {
            // the customer's pass sends the profile only if Gameball does not have it as it is
            var customer = await _customerService.GetCustomerByIdAsync(id);
            if (customer is not null && await _customerService.IsRegisteredAsync(customer))
            {
                job.Queued++;
                _queue.Enqueue(CustomerOutboxSource.Address(id));
            }
            else
            {
                job.Skipped++;
            }

            job.Cursor = id;
        }

        return true;
    }

    private bool Complete(BackfillJob job)
    {
        job.Status = BackfillStatus.Completed;
        job.FinishedUtc = Now;
        return false;
    }

    public async Task<BackfillProgress?> ProgressAsync(BackfillKind kind)
    {
        var job = await _store.LoadAsync(kind);
        if (job is null)
            return null;
        var (sent, failed, pending) = kind == BackfillKind.Orders ? await OrderCountsAsync(job) : await CustomerCountsAsync(job);
        var minutes = Math.Max(((job.FinishedUtc ?? Now) - job.StartedUtc).TotalMinutes, 1.0 / 60);
        var perMinute = (sent + failed) / minutes;
        var remaining = (job.Status == BackfillStatus.Running ? Math.Max(0, job.Total - job.Processed) : 0) + pending;
        int? secondsLeft = remaining == 0 ? 0 : perMinute > 0 ? (int)Math.Ceiling(remaining / perMinute * 60) : null;
        // every entity handed out but its work still waiting: the run is still going on for the owner
        var status = job.Status == BackfillStatus.Completed && pending > 0 ? BackfillStatus.Running : job.Status;
        return new BackfillProgress(kind, status, job.Total, job.Processed, job.Queued, job.Skipped, job.Withdrawn, sent, failed, pending,
            Math.Round(perMinute, 1), secondsLeft, job.StartedUtc, job.FinishedUtc, job.SinceUtc);
    }

    private async Task<(int Sent, int Failed, int Pending)> OrderCountsAsync(BackfillJob job)
    {
        var runId = RunId(job);
        var marked = _genericAttributeRepository.Table.Where(a => a.KeyGroup == nameof(Order) && a.Key == OrderMarkerKey && a.Value == runId).Select(a => a.EntityId);
        var counts = await _genericAttributeRepository.Table
            .Where(a => a.KeyGroup == nameof(Order) && a.Key == OrderSyncStateStore.StatusKey && marked.Contains(a.EntityId))
            .GroupBy(a => a.Value).Select(g => new { Status = g.Key, Count = g.Count() }).ToListAsync();
        int Count(SyncStatus status) => counts.Where(c => c.Status == status.ToString()).Sum(c => c.Count);
        return (Count(SyncStatus.Sent), Count(SyncStatus.Failed), Count(SyncStatus.Pending));
    }

    private async Task<(int Sent, int Failed, int Pending)> CustomerCountsAsync(BackfillJob job)
    {
        var cursor = job.Cursor;
        var counts = await _genericAttributeRepository.Table
            .Where(a => a.KeyGroup == nameof(Customer) && a.Key == ProfileStore.StatusKey && a.EntityId <= cursor)
            .GroupBy(a => a.Value).Select(g => new { Status = g.Key, Count = g.Count() }).ToListAsync();
        int Count(SyncStatus status) => counts.Where(c => c.Status == status.ToString()).Sum(c => c.Count);
        var sent = Count(SyncStatus.Sent);
        var failed = Count(SyncStatus.Failed);
        return (sent, failed, Math.Max(0, job.Queued - sent - failed));
    }
}
