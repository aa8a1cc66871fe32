using Nop.Plugin.Misc.Gameball.Services.Outbox;

namespace Nop.Plugin.Misc.Gameball.Services.Admin.SyncLog;

/// <summary>
/// One row of the sync log, whatever its kind: the work's outbox state and what it refers to. Dates are
/// UTC; <see cref="Address"/> is the entity whose work a Retry sends (the order, the customer).
/// </summary>
public sealed record SyncLogRow
{
    public required string Kind { get; init; }

    public required OutboxAddress Address { get; init; }

    /// <summary>Tells rows of one entity apart (a customer's awards); the order's own id for an order.</summary>
    public required string Key { get; init; }

    /// <summary>What the row is about in the admin's words: the order number, the customer's e-mail.</summary>
    public string? Reference { get; init; }

    /// <summary>The admin page of <see cref="Reference"/>, relative to the admin area (e.g. <c>Order/Edit/5</c>).</summary>
    public string? ReferencePath { get; init; }

    public DateTime CreatedUtc { get; init; }

    public SyncStatus Status { get; init; }

    public int Attempts { get; init; }

    public DateTime? LastAttemptUtc { get; init; }

    public string? LastError { get; init; }

    public decimal? Amount { get; init; }

    public decimal? Points { get; init; }

    /// <summary>More about the work, one item per line (an order's reversals, an award's reason).</summary>
    public string? Detail { get; init; }

    /// <summary>
    /// The one order of the log, the same in every source: newest first, then kind, entity and key, so
    /// merging the sources' newest rows gives every row once.
    /// </summary>
    public static IComparer<SyncLogRow> NewestFirst { get; } = Comparer<SyncLogRow>.Create((x, y) =>
    {
        var c = y.CreatedUtc.CompareTo(x.CreatedUtc);
        if (c == 0)
            c = string.CompareOrdinal(x.Kind, y.Kind);
        if (c == 0)
            c = string.CompareOrdinal(x.Address.EntityGroup, y.Address.EntityGroup);
        if (c == 0)
            c = y.Address.EntityId.CompareTo(x.Address.EntityId);
        if (c == 0)
            c = string.CompareOrdinal(y.Key, x.Key);
        return c;
    });
}
