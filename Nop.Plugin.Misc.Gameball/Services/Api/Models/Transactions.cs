using Newtonsoft.Json;

namespace Nop.Plugin.Misc.Gameball.Services.Api.Models;

/// <summary>POST /transactions/refund: reverses a tracked order, wholly (no refundAmount) or partly.</summary>
public sealed record RefundRequest
{
    [JsonProperty("customerId")] public required string CustomerId { get; init; }
    [JsonProperty("email")] public string? Email { get; init; }
    [JsonProperty("mobile")] public string? Mobile { get; init; }
    [JsonProperty("refundTransactionId")] public required string RefundTransactionId { get; init; }
    [JsonProperty("reverseTransactionId")] public required string ReverseTransactionId { get; init; }
    [JsonProperty("transactionTime")] public required DateTime TransactionTime { get; init; }
    [JsonProperty("refundAmount")] public decimal? RefundAmount { get; init; }
    [JsonProperty("merchant")] public MerchantInfo? Merchant { get; init; }
    [JsonProperty("lineItems")] public IReadOnlyList<LineItem>? LineItems { get; init; }
}

public sealed record RefundResponse
{
    [JsonProperty("gameballTransactionId")] public string? GameballTransactionId { get; init; }
    [JsonProperty("refundTransactionId")] public string? RefundTransactionId { get; init; }
    [JsonProperty("refundAmount")] public decimal? RefundAmount { get; init; }
    [JsonProperty("refundEquivalentPoints")] public decimal? RefundEquivalentPoints { get; init; }
}

/// <summary>POST /transactions/cashback: cashback on an amount for something that is not an order.</summary>
public sealed record CashbackRequest
{
    [JsonProperty("customerId")] public required string CustomerId { get; init; }
    [JsonProperty("email")] public string? Email { get; init; }
    [JsonProperty("mobile")] public string? Mobile { get; init; }
    [JsonProperty("transactionId")] public required string TransactionId { get; init; }
    [JsonProperty("transactionTime")] public required DateTime TransactionTime { get; init; }
    [JsonProperty("amount")] public required decimal Amount { get; init; }
    [JsonProperty("merchant")] public MerchantInfo? Merchant { get; init; }
}

public sealed record CashbackResponse
{
    [JsonProperty("customerId")] public string? CustomerId { get; init; }
    [JsonProperty("gameballTransactionId")] public string? GameballTransactionId { get; init; }
    [JsonProperty("rewardAmount")] public decimal? RewardAmount { get; init; }
    [JsonProperty("rewardEquivalentPoints")] public decimal? RewardEquivalentPoints { get; init; }
}

/// <summary>GET /transactions: one page of the workspace's ledger, here filtered to one customer.</summary>
public sealed record TransactionsPage
{
    [JsonProperty("transactions")] public IReadOnlyList<LedgerTransaction>? Transactions { get; init; }
    [JsonProperty("count")] public int? Count { get; init; }
    [JsonProperty("hasMore")] public bool? HasMore { get; init; }
}

public sealed record LedgerTransaction
{
    /// <summary>The id the plugin sent (an orderId, a cashback's transactionId, a refundTransactionId).</summary>
    [JsonProperty("transactionId")] public string? TransactionId { get; init; }
    /// <summary>A string here, a number elsewhere: kept as text; the page cursor (startAfter).</summary>
    [JsonProperty("gameballTransactionId")] public string? GameballTransactionId { get; init; }
    [JsonProperty("type")] public string? Type { get; init; }
    [JsonProperty("direction")] public string? Direction { get; init; }
    [JsonProperty("customerId")] public string? CustomerId { get; init; }
    [JsonProperty("points")] public decimal? Points { get; init; }
    [JsonProperty("amount")] public decimal? Amount { get; init; }
}
