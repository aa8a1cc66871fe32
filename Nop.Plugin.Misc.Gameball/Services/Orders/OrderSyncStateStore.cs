using Newtonsoft.Json;
using Nop.Core.Domain.Orders;
using Nop.Plugin.Misc.Gameball.Services.Outbox;

namespace Nop.Plugin.Misc.Gameball.Services.Orders;

/// <summary>
/// Keeps each order's <see cref="OrderSyncState"/> in nopCommerce's database as generic attributes of
/// the order (no plugin tables): the state as JSON, and its overall status alone so the sweep and the
/// sync log can query it.
/// </summary>
public class OrderSyncStateStore
{
    public const string StateKey = "Gameball.OrderSync";
    public const string StatusKey = "Gameball.OrderSyncStatus";

    /// <summary>"{acknowledged, yyyyMMddHHmmss UTC}|{points}": written once, when Gameball acknowledges the order, so the numbers can be counted by a range query.</summary>
    public const string AcknowledgedKey = "Gameball.OrderSyncAck";

    /// <summary>"{last reversal acknowledged, yyyyMMddHHmmss UTC}|{reversals}|{points}": written when a reversal is acknowledged.</summary>
    public const string ReversedKey = "Gameball.OrderSyncReversed";

    /// <summary>Digits only, so ordinal, culture and SQL comparisons of the values agree.</summary>
    public static string SortableTime(DateTime utc) => utc.ToString("yyyyMMddHHmmss", System.Globalization.CultureInfo.InvariantCulture);

    private static readonly JsonSerializerSettings _json = new()
    {
        NullValueHandling = NullValueHandling.Ignore,
        DateTimeZoneHandling = DateTimeZoneHandling.Utc,
        FloatParseHandling = FloatParseHandling.Decimal,
    };

    private readonly StateAttributes _attributes;

    public OrderSyncStateStore(StateAttributes attributes)
    {
        _attributes = attributes;
    }

    public async Task<OrderSyncState?> LoadAsync(Order order) =>
        Parse(await _attributes.GetAttributeAsync<string>(order, StateKey));

    /// <summary>The state from its stored JSON; null when there is none or it cannot be read.</summary>
    public static OrderSyncState? Parse(string? json)
    {
        if (string.IsNullOrWhiteSpace(json))
            return null;
        try
        {
            return JsonConvert.DeserializeObject<OrderSyncState>(json, _json);
        }
        catch (JsonException)
        {
            // unreadable state: start over; resending is safe because Gameball rejects a known orderId or refund id
            return null;
        }
    }

    public async Task SaveAsync(Order order, OrderSyncState state)
    {
        var inv = System.Globalization.CultureInfo.InvariantCulture;
        if (state.AcknowledgedUtc is { } acknowledged && !state.AcknowledgementRecorded)
        {
            state.AcknowledgementRecorded = true;
            await _attributes.SaveAttributeAsync(order, AcknowledgedKey, SortableTime(acknowledged) + "|" + (state.RewardedPoints ?? 0).ToString(inv));
        }

        var reversals = state.Refunds.Where(r => r.Status == Outbox.SyncStatus.Sent && r.AcknowledgedUtc is not null).ToList();
        if (reversals.Count > state.ReversalsRecorded)
        {
            state.ReversalsRecorded = reversals.Count;
            await _attributes.SaveAttributeAsync(order, ReversedKey,
                $"{SortableTime(reversals.Max(r => r.AcknowledgedUtc!.Value))}|{reversals.Count.ToString(inv)}|{reversals.Sum(r => r.ReversedPoints ?? 0).ToString(inv)}");
        }

        await _attributes.SaveAttributeAsync(order, StateKey, JsonConvert.SerializeObject(state, _json));
        await _attributes.SaveAttributeAsync(order, StatusKey, state.OverallStatus.ToString());
    }
}
