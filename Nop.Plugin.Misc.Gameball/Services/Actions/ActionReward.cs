using Newtonsoft.Json;
using Newtonsoft.Json.Converters;
using Nop.Plugin.Misc.Gameball.Services.Outbox;

namespace Nop.Plugin.Misc.Gameball.Services.Actions;

/// <summary>What an action reward's request does in Gameball.</summary>
public enum ActionRewardStep
{
    /// <summary><c>POST /events</c>.</summary>
    Event,

    /// <summary><c>POST /transactions/cashback</c>.</summary>
    Cashback,

    /// <summary><c>POST /transactions/refund</c> of an earlier cashback, the action having been undone.</summary>
    Reversal
}

/// <summary>
/// One occurrence of a non-order action (or its reversal) as outbox work, kept on the customer: its
/// transaction id comes from the occurrence itself (<see cref="ActionKeys"/>), so however often the
/// occurrence is seen it is one item; its request is persisted before it is first sent.
/// </summary>
public sealed class ActionReward : OutboxItem
{
    public override string Kind => "Action" + Step;

    public override string? IdempotencyKey => TransactionId;

    /// <summary>The occurrence key (an event or cashback) or the reversal's refundTransactionId.</summary>
    public required string TransactionId { get; set; }

    [JsonConverter(typeof(StringEnumConverter))]
    public ActionRewardStep Step { get; set; }

    [JsonConverter(typeof(StringEnumConverter))]
    public GameballAction Action { get; set; }

    /// <summary>The occurrence this item rewards or reverses.</summary>
    public required string OccurrenceKey { get; set; }

    /// <summary>The store the action happened in: its settings decided the reward, its keys send it.</summary>
    public int StoreId { get; set; }

    public DateTime OccurredUtc { get; set; }

    public DateTime RecordedUtc { get; set; }

    public decimal? Amount { get; set; }

    public string? EventName { get; set; }

    /// <summary>Points Gameball awarded (cashback) or took back (reversal).</summary>
    public decimal? Points { get; set; }
}
