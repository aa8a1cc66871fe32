using Nop.Plugin.Misc.Gameball.Services.Outbox;

namespace Nop.Plugin.Misc.Gameball.Services.Cashback;

/// <summary>
/// An admin's cashback award as outbox work, kept with the customer's other awards: its transaction id
/// comes from the form's token (a double-click or a resubmit is the same award), its request is
/// persisted before it is first sent.
/// </summary>
public sealed class ManualCashbackAward : OutboxItem
{
    public const string ItemKind = "ManualCashback";

    public override string Kind => ItemKind;

    public override string? IdempotencyKey => TransactionId;

    public required string TransactionId { get; set; }

    public decimal Amount { get; set; }

    public string? Reason { get; set; }

    /// <summary>The admin who made the award: the activity log names them, whoever sends it in the end.</summary>
    public int AwardedByCustomerId { get; set; }

    public DateTime RequestedUtc { get; set; }

    public decimal? RewardedPoints { get; set; }

    /// <summary>The points as the admin reads them: 25, not the 25.0 a round trip through JSON leaves.</summary>
    [Newtonsoft.Json.JsonIgnore]
    public decimal ShownPoints => (RewardedPoints ?? 0) / 1.000000000000000000000000000000000m;

    /// <summary>The award is in nopCommerce's activity log (written once, when Gameball acknowledged it).</summary>
    public bool Logged { get; set; }
}
