using Newtonsoft.Json;

namespace Nop.Plugin.Misc.Gameball.Services.Api.Models;

/// <summary>POST /orders: tracks a paid order; Gameball awards cashback on totalPaid.</summary>
public sealed record TrackOrderRequest
{
    [JsonProperty("customerId")] public required string CustomerId { get; init; }
    [JsonProperty("email")] public string? Email { get; init; }
    [JsonProperty("mobile")] public string? Mobile { get; init; }
    [JsonProperty("orderId")] public required string OrderId { get; init; }
    [JsonProperty("orderDate")] public required DateTime OrderDate { get; init; }
    [JsonProperty("totalPaid")] public required decimal TotalPaid { get; init; }
    [JsonProperty("totalPrice")] public decimal? TotalPrice { get; init; }
    [JsonProperty("totalDiscount")] public decimal? TotalDiscount { get; init; }
    [JsonProperty("totalShipping")] public decimal? TotalShipping { get; init; }
    [JsonProperty("totalTax")] public decimal? TotalTax { get; init; }
    [JsonProperty("lineItems")] public IReadOnlyList<LineItem>? LineItems { get; init; }
    [JsonProperty("extra")] public IReadOnlyDictionary<string, object>? Extra { get; init; }
    [JsonProperty("merchant")] public MerchantInfo? Merchant { get; init; }
    [JsonProperty("guest")] public bool? Guest { get; init; }
    [JsonProperty("channel")] public string? Channel { get; init; }
    [JsonProperty("cartId")] public string? CartId { get; init; }
}

public sealed record TrackOrderResponse
{
    [JsonProperty("customerId")] public string? CustomerId { get; init; }
    [JsonProperty("redeemedPoints")] public decimal? RedeemedPoints { get; init; }
    [JsonProperty("rewardedPoints")] public decimal? RewardedPoints { get; init; }
    [JsonProperty("lineItems")] public IReadOnlyList<TrackOrderLineResult>? LineItems { get; init; }
}

public sealed record TrackOrderLineResult
{
    [JsonProperty("productId")] public string? ProductId { get; init; }
    [JsonProperty("quantity")] public decimal? Quantity { get; init; }
    [JsonProperty("decimalPoints")] public decimal? DecimalPoints { get; init; }
    [JsonProperty("points")] public decimal? Points { get; init; }
    [JsonProperty("score")] public decimal? Score { get; init; }
}

/// <summary>POST /orders/cashback: the points an order would earn (read-only).</summary>
public sealed record CalculateCashbackRequest
{
    [JsonProperty("customerId")] public string? CustomerId { get; init; }
    [JsonProperty("email")] public string? Email { get; init; }
    [JsonProperty("mobile")] public string? Mobile { get; init; }
    [JsonProperty("totalPaid")] public required decimal TotalPaid { get; init; }
    [JsonProperty("totalPrice")] public decimal? TotalPrice { get; init; }
    [JsonProperty("totalDiscount")] public required decimal TotalDiscount { get; init; }
    [JsonProperty("totalShipping")] public required decimal TotalShipping { get; init; }
    [JsonProperty("lineItems")] public IReadOnlyList<LineItem>? LineItems { get; init; }
    [JsonProperty("merchant")] public MerchantInfo? Merchant { get; init; }
}

public sealed record CalculateCashbackResponse
{
    [JsonProperty("totalPoints")] public decimal? TotalPoints { get; init; }
    [JsonProperty("totalScore")] public decimal? TotalScore { get; init; }
    [JsonProperty("lineItems")] public IReadOnlyList<CashbackLineResult>? LineItems { get; init; }
}

public sealed record CashbackLineResult
{
    [JsonProperty("productId")] public string? ProductId { get; init; }
    [JsonProperty("quantity")] public decimal? Quantity { get; init; }
    [JsonProperty("totalDecimalPoints")] public decimal? TotalDecimalPoints { get; init; }
    [JsonProperty("totalPoints")] public decimal? TotalPoints { get; init; }
    [JsonProperty("totalScore")] public decimal? TotalScore { get; init; }
    [JsonProperty("rewardWalletFactor")] public decimal? RewardWalletFactor { get; init; }
    [JsonProperty("campaignId")] public long? CampaignId { get; init; }
    [JsonProperty("campaignName")] public string? CampaignName { get; init; }
    [JsonProperty("campaignEndDate")] public DateTime? CampaignEndDate { get; init; }
    [JsonProperty("campaignImpactWalletFactor")] public decimal? CampaignImpactWalletFactor { get; init; }
    [JsonProperty("campaignImpactPoints")] public decimal? CampaignImpactPoints { get; init; }
}

/// <summary>POST /orders/reward-preview: cashback plus the campaigns an order would trigger (read-only).</summary>
public sealed record RewardPreviewRequest
{
    [JsonProperty("customerId")] public string? CustomerId { get; init; }
    [JsonProperty("email")] public string? Email { get; init; }
    [JsonProperty("mobile")] public string? Mobile { get; init; }
    [JsonProperty("totalPaid")] public required decimal TotalPaid { get; init; }
    [JsonProperty("totalPrice")] public decimal? TotalPrice { get; init; }
    [JsonProperty("totalDiscount")] public decimal? TotalDiscount { get; init; }
    [JsonProperty("totalShipping")] public decimal? TotalShipping { get; init; }
    [JsonProperty("totalTax")] public decimal? TotalTax { get; init; }
    [JsonProperty("lineItems")] public IReadOnlyList<LineItem>? LineItems { get; init; }
    [JsonProperty("merchant")] public MerchantInfo? Merchant { get; init; }
    [JsonProperty("channel")] public string? Channel { get; init; }
}

public sealed record RewardPreviewResponse
{
    [JsonProperty("customerId")] public string? CustomerId { get; init; }
    [JsonProperty("customerFound")] public bool? CustomerFound { get; init; }
    [JsonProperty("totalPoints")] public decimal? TotalPoints { get; init; }
    [JsonProperty("totalCoupons")] public int? TotalCoupons { get; init; }
    [JsonProperty("cashback")] public CalculateCashbackResponse? Cashback { get; init; }
}

/// <summary>GET /orders/{orderId}/transactions: the ledger movements tied to an order.</summary>
public sealed record OrderTransactionsResponse
{
    [JsonProperty("transactions")] public IReadOnlyList<OrderTransaction>? Transactions { get; init; }
    [JsonProperty("count")] public int? Count { get; init; }
}

public sealed record OrderTransaction
{
    [JsonProperty("transactionDate")] public DateTime? TransactionDate { get; init; }
    /// <summary>A number in some answers, a string in others: kept as text.</summary>
    [JsonProperty("gameballTransactionId")] public string? GameballTransactionId { get; init; }
    [JsonProperty("transactionType")] public string? TransactionType { get; init; }
    [JsonProperty("amount")] public decimal? Amount { get; init; }
    [JsonProperty("transactionId")] public string? TransactionId { get; init; }
    [JsonProperty("equivalentPoints")] public decimal? EquivalentPoints { get; init; }
}
