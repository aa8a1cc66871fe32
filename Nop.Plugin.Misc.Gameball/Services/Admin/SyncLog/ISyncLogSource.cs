using Nop.Plugin.Misc.Gameball.Services.Outbox;

namespace Nop.Plugin.Misc.Gameball.Services.Admin.SyncLog;

/// <summary>What the admin asked the sync log for; dates in UTC, <see cref="CreatedBeforeUtc"/> exclusive.</summary>
public sealed record SyncLogFilter(string? Kind = null, SyncStatus? Status = null, DateTime? CreatedFromUtc = null, DateTime? CreatedBeforeUtc = null)
{
    public bool Matches(SyncLogRow row) =>
        (Kind is null || row.Kind == Kind)
        && (Status is null || row.Status == Status)
        && (CreatedFromUtc is null || row.CreatedUtc >= CreatedFromUtc)
        && (CreatedBeforeUtc is null || row.CreatedUtc < CreatedBeforeUtc);
}

/// <summary>A source's newest rows (at most what was asked for) and how many rows match in all.</summary>
public sealed record SyncLogSlice(IReadOnlyList<SyncLogRow> Newest, int Total)
{
    public static SyncLogSlice Empty { get; } = new([], 0);
}

/// <summary>
/// One group of outbox work as the sync log shows it (orders with their reversals; the work kept on
/// customers). The log asks each source for its newest rows in <see cref="SyncLogRow.NewestFirst"/>
/// order and merges them, so a new kind of work is one more source (or one more kind of an existing
/// source), registered in the container; the grid, paging, filters, counts and retries need no change.
/// </summary>
public interface ISyncLogSource
{
    /// <summary>The kinds of rows this source lists (<see cref="SyncLogRow.Kind"/>), in the order the kind filter offers them.</summary>
    IReadOnlyList<string> Kinds { get; }

    /// <summary>
    /// The <paramref name="take"/> newest rows matching the filter, sorted by
    /// <see cref="SyncLogRow.NewestFirst"/>, and the number of matching rows.
    /// </summary>
    Task<SyncLogSlice> NewestAsync(SyncLogFilter filter, int take);

    /// <summary>How many pieces of work (as the grid counts rows) are in the status.</summary>
    Task<int> CountAsync(SyncStatus status);

    /// <summary>The entities holding failed work, at most <paramref name="max"/>.</summary>
    Task<IReadOnlyList<OutboxAddress>> FailedAsync(int max);

    /// <summary>The newest work of one customer shown on the customer card (awards, actions); empty for sources that keep none there.</summary>
    Task<IReadOnlyList<SyncLogRow>> OfCustomerAsync(int customerId, int take);
}
