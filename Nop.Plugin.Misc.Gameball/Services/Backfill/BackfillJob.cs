using Newtonsoft.Json;
using Newtonsoft.Json.Converters;

namespace Nop.Plugin.Misc.Gameball.Services.Backfill;

public enum BackfillKind
{
    /// <summary>Orders paid since a date that Gameball never had.</summary>
    Orders,

    /// <summary>Registered customers' profiles.</summary>
    Customers
}

public enum BackfillStatus
{
    Running,
    Completed,
    Cancelled
}

/// <summary>
/// One run of the admin's backfill, persisted after every chunk so it carries on after a restart or a
/// deploy: what it covers, how far it got (the id of the last entity handed to the outbox) and what it
/// found. Sending is the outbox's: the backfill only gives entities work, at the pace the outbox drains it.
/// </summary>
public sealed class BackfillJob
{
    [JsonConverter(typeof(StringEnumConverter))]
    public BackfillKind Kind { get; set; }

    [JsonConverter(typeof(StringEnumConverter))]
    public BackfillStatus Status { get; set; }

    /// <summary>Orders paid from this time on (orders only).</summary>
    public DateTime? SinceUtc { get; set; }

    public DateTime StartedUtc { get; set; }

    public int StartedByCustomerId { get; set; }

    public DateTime? FinishedUtc { get; set; }

    /// <summary>Entities in scope when the run started.</summary>
    public int Total { get; set; }

    /// <summary>The id of the last entity handed out; the next chunk starts after it.</summary>
    public int Cursor { get; set; }

    /// <summary>Entities given work by this run.</summary>
    public int Queued { get; set; }

    /// <summary>Entities that already had work (tracked live, or by an earlier run): left as they are.</summary>
    public int Skipped { get; set; }

    /// <summary>Entities given work but dropped before sending when the run was cancelled.</summary>
    public int Withdrawn { get; set; }

    [JsonIgnore]
    public int Processed => Queued + Skipped;
}
