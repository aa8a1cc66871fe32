using Newtonsoft.Json;

namespace Nop.Plugin.Misc.Gameball.Services.Api.Models;

/// <summary>POST /transactions/hold: reserves points for a checkout (exactly one of pointsToHold, amountToHold, ruleId).</summary>
public sealed record HoldPointsRequest
{
    [JsonProperty("customerId")] public required string CustomerId { get; init; }
    [JsonProperty("email")] public string? Email { get; init; }
    [JsonProperty("mobile")] public string? Mobile { get; init; }
    [JsonProperty("transactionTime")] public required DateTime TransactionTime { get; init; }
    [JsonProperty("pointsToHold")] public long? PointsToHold { get; init; }
    [JsonProperty("amountToHold")] public decimal? AmountToHold { get; init; }
    /// <summary>A signed-in storefront session is the shopper's authentication (as Gameball's SFCC cartridge does).</summary>
    [JsonProperty("ignoreOTP")] public bool? IgnoreOtp { get; init; }
}

public sealed record HoldPointsResponse
{
    [JsonProperty("customerId")] public string? CustomerId { get; init; }
    [JsonProperty("holdAmount")] public decimal? HoldAmount { get; init; }
    [JsonProperty("holdEquivalentPoints")] public decimal? HoldEquivalentPoints { get; init; }
    [JsonProperty("holdReference")] public string? HoldReference { get; init; }
}

/// <summary>GET /transactions/hold/{holdReferenceId}.</summary>
public sealed record HoldDetailsResponse
{
    [JsonProperty("customerId")] public string? CustomerId { get; init; }
    [JsonProperty("holdAmount")] public decimal? HoldAmount { get; init; }
    [JsonProperty("holdEquivalentPoints")] public decimal? HoldEquivalentPoints { get; init; }
    /// <summary>Active, Expired or Used (Gameball's example is lower case).</summary>
    [JsonProperty("state")] public string? State { get; init; }
    /// <summary>Gameball's example carries no zone: read as UTC.</summary>
    [JsonProperty("dateToExpire")] public DateTime? DateToExpire { get; init; }

    [JsonIgnore]
    public bool IsActive => string.Equals(State, "active", StringComparison.OrdinalIgnoreCase);
}

/// <summary>DELETE /transactions/hold/{holdReferenceId}.</summary>
public sealed record ReleaseHoldResponse
{
    [JsonProperty("success")] public bool? Success { get; init; }
    [JsonProperty("message")] public string? Message { get; init; }
}

/// <summary>POST /transactions/redeem: burns points for a transaction (exactly one of amount, points, holdReference).</summary>
public sealed record RedeemRequest
{
    [JsonProperty("customerId")] public required string CustomerId { get; init; }
    [JsonProperty("email")] public string? Email { get; init; }
    [JsonProperty("mobile")] public string? Mobile { get; init; }
    [JsonProperty("transactionId")] public required string TransactionId { get; init; }
    [JsonProperty("transactionTime")] public required DateTime TransactionTime { get; init; }
    [JsonProperty("amount")] public decimal? Amount { get; init; }
    [JsonProperty("points")] public long? Points { get; init; }
    [JsonProperty("holdReference")] public string? HoldReference { get; init; }
    [JsonProperty("ignoreOTP")] public bool? IgnoreOtp { get; init; }
    [JsonProperty("reason")] public string? Reason { get; init; }
}

public sealed record RedeemResponse
{
    [JsonProperty("customerId")] public string? CustomerId { get; init; }
    [JsonProperty("gameballTransactionId")] public string? GameballTransactionId { get; init; }
    [JsonProperty("transactionId")] public string? TransactionId { get; init; }
    [JsonProperty("redeemAmount")] public decimal? RedeemAmount { get; init; }
    [JsonProperty("redeemEquivalentPoints")] public decimal? RedeemEquivalentPoints { get; init; }
}

/// <summary>GET /configurations/rewards/redemption: the program's redemption limits.</summary>
public sealed record RedemptionRulesResponse
{
    [JsonProperty("minimumPoints")] public decimal? MinimumPoints { get; init; }
    [JsonProperty("pointValue")] public decimal? PointValue { get; init; }
    /// <summary>The largest share of an order points may pay, in per cent (the plugin's reading; the spec gives no unit).</summary>
    [JsonProperty("maximumRedemption")] public decimal? MaximumRedemption { get; init; }
    [JsonProperty("enabled")] public bool? Enabled { get; init; }
    [JsonProperty("redemptionMethods")] public IReadOnlyList<string>? RedemptionMethods { get; init; }
}

/// <summary>GET /configurations/redemption: the money value of a point for a customer.</summary>
public sealed record RedemptionConfigurationResponse
{
    [JsonProperty("redemptionFactor")] public decimal? RedemptionFactor { get; init; }
}
