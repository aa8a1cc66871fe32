using Newtonsoft.Json;

namespace Nop.Plugin.Misc.Gameball.Services.Outbox;

/// <summary>
/// A list of outbox items kept as one generic attribute of its entity (JSON, beside its overall status): how every
/// kind kept on customers reads, writes and sums up its list.
/// </summary>
public static class OutboxList
{
    public static JsonSerializerSettings Json { get; } = new()
    {
        NullValueHandling = NullValueHandling.Ignore,
        DateTimeZoneHandling = DateTimeZoneHandling.Utc,
        FloatParseHandling = FloatParseHandling.Decimal,
    };

    /// <summary>The items in a stored value; none when it is empty or cannot be read.</summary>
    public static List<TItem> Parse<TItem>(string? json)
        where TItem : OutboxItem
    {
        if (string.IsNullOrWhiteSpace(json))
            return [];
        try
        {
            return JsonConvert.DeserializeObject<List<TItem>>(json, Json) ?? [];
        }
        catch (JsonException)
        {
            return [];
        }
    }

    public static string Serialize<TItem>(List<TItem> items)
        where TItem : OutboxItem => JsonConvert.SerializeObject(items, Json);

    /// <summary>Pending while any item is pending, failed while any failed, otherwise sent.</summary>
    public static SyncStatus OverallStatus(IEnumerable<OutboxItem> items)
    {
        var statuses = items.Select(i => i.Status).ToList();
        return statuses.Contains(SyncStatus.Pending) ? SyncStatus.Pending
            : statuses.Contains(SyncStatus.Failed) ? SyncStatus.Failed
            : SyncStatus.Sent;
    }
}
