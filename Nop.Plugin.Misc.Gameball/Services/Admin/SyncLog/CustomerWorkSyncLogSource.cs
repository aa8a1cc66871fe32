using System.Globalization;
using Nop.Core.Domain.Common;
using Nop.Core.Domain.Customers;
using Nop.Data;
using Nop.Plugin.Misc.Gameball.Services.Outbox;

namespace Nop.Plugin.Misc.Gameball.Services.Admin.SyncLog;

/// <summary>
/// A list of outbox work kept on customers (a generic attribute of the customer holding a JSON list,
/// with the list's overall status next to it) in the sync log: one row per item, the customer's e-mail
/// as the reference. A new list is a subclass naming its kinds and keys, how to read it and how an
/// item looks as a row. The items live inside JSON, so a grid read parses every customer's list of this kind (kept
/// short: done items are trimmed to the newest 50); counts and "retry all failed" read only the
/// customers whose list still has work outstanding.
/// </summary>
public abstract class CustomerWorkSyncLogSource<TItem> : ISyncLogSource
    where TItem : OutboxItem
{
    private readonly IRepository<Customer> _customerRepository;
    private readonly IRepository<GenericAttribute> _genericAttributeRepository;

    protected CustomerWorkSyncLogSource(IRepository<Customer> customerRepository, IRepository<GenericAttribute> genericAttributeRepository)
    {
        _customerRepository = customerRepository;
        _genericAttributeRepository = genericAttributeRepository;
    }

    /// <summary>The kinds of the list's items (one list may hold several: each action is a kind), in the kind filter's order.</summary>
    public abstract IReadOnlyList<string> Kinds { get; }

    /// <summary>The generic attribute holding the list (JSON).</summary>
    protected abstract string ListKey { get; }

    /// <summary>The generic attribute holding the list's overall status.</summary>
    protected abstract string StatusKey { get; }

    protected abstract IReadOnlyList<TItem> Parse(string? json);

    /// <summary>The item as a row: its kind, key, creation time, state, amount, points, detail.</summary>
    protected abstract SyncLogRow ToRow(TItem item, OutboxAddress address, string? reference, string referencePath);

    /// <summary>What every kind's row takes from the item's outbox state and the customer it is kept on.</summary>
    protected static SyncLogRow RowOf(TItem item, DateTime createdUtc, OutboxAddress address, string? reference, string referencePath) => new()
    {
        Kind = item.Kind,
        Address = address,
        Key = item.IdempotencyKey ?? string.Empty,
        Reference = reference,
        ReferencePath = referencePath,
        CreatedUtc = createdUtc,
        Status = item.Status,
        Attempts = item.Attempts,
        LastAttemptUtc = item.LastAttemptUtc,
        LastError = item.LastError,
    };

    public async Task<SyncLogSlice> NewestAsync(SyncLogFilter filter, int take)
    {
        if (filter.Kind is not null && !Kinds.Contains(filter.Kind))
            return SyncLogSlice.Empty;
        var rows = (await RowsAsync(outstandingOnly: filter.Status is SyncStatus.Pending or SyncStatus.Failed, customerId: null))
            .Where(filter.Matches)
            .ToList();
        rows.Sort(SyncLogRow.NewestFirst);
        return new SyncLogSlice(rows.Take(take).ToList(), rows.Count);
    }

    public async Task<int> CountAsync(SyncStatus status) =>
        (await RowsAsync(outstandingOnly: status is SyncStatus.Pending or SyncStatus.Failed, customerId: null)).Count(r => r.Status == status);

    public async Task<IReadOnlyList<OutboxAddress>> FailedAsync(int max) =>
        (await RowsAsync(outstandingOnly: true, customerId: null))
            .Where(r => r.Status == SyncStatus.Failed)
            .Select(r => r.Address)
            .Distinct()
            .OrderBy(a => a.EntityId)
            .Take(max)
            .ToList();

    public async Task<IReadOnlyList<SyncLogRow>> OfCustomerAsync(int customerId, int take)
    {
        var rows = (await RowsAsync(outstandingOnly: false, customerId)).ToList();
        rows.Sort(SyncLogRow.NewestFirst);
        return rows.Take(take).ToList();
    }

    /// <param name="outstandingOnly">Only customers whose list has pending or failed work (what a pending or failed item needs).</param>
    private async Task<IEnumerable<SyncLogRow>> RowsAsync(bool outstandingOnly, int? customerId)
    {
        var group = nameof(Customer);
        var lists = _genericAttributeRepository.Table.Where(a => a.KeyGroup == group && a.Key == ListKey && a.StoreId == 0
                                                                 && (customerId == null || a.EntityId == customerId));
        if (outstandingOnly)
        {
            var sent = SyncStatus.Sent.ToString();
            var outstanding = _genericAttributeRepository.Table
                .Where(a => a.KeyGroup == group && a.Key == StatusKey && a.Value != sent)
                .Select(a => a.EntityId);
            lists = lists.Where(a => outstanding.Contains(a.EntityId));
        }

        var found = await (from a in lists
                           join c in _customerRepository.Table on a.EntityId equals c.Id into customers
                           from c in customers.DefaultIfEmpty()
                           select new { a.EntityId, a.Value, Email = c == null ? null : c.Email })
            .ToListAsync();
        return found.SelectMany(list => Parse(list.Value).Select(item =>
            ToRow(item, new OutboxAddress(group, list.EntityId), list.Email, "Customer/Edit/" + list.EntityId.ToString(CultureInfo.InvariantCulture))));
    }
}
