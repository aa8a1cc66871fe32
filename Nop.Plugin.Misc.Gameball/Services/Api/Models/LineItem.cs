using Newtonsoft.Json;

namespace Nop.Plugin.Misc.Gameball.Services.Api.Models;

/// <summary>An order line as Gameball's order, cashback, preview and refund requests take it.</summary>
public sealed record LineItem
{
    [JsonProperty("productId")] public string? ProductId { get; init; }
    [JsonProperty("sku")] public string? Sku { get; init; }
    [JsonProperty("quantity")] public decimal? Quantity { get; init; }
    /// <summary>Unit price, before tax and discount.</summary>
    [JsonProperty("price")] public decimal? Price { get; init; }
    /// <summary>Tax of the whole line (all units).</summary>
    [JsonProperty("taxes")] public decimal? Taxes { get; init; }
    /// <summary>Discount of the whole line (all units).</summary>
    [JsonProperty("discount")] public decimal? Discount { get; init; }
    [JsonProperty("weight")] public decimal? Weight { get; init; }
    [JsonProperty("vendor")] public string? Vendor { get; init; }
    [JsonProperty("category")] public IReadOnlyList<string>? Category { get; init; }
    [JsonProperty("collection")] public IReadOnlyList<string>? Collection { get; init; }
    [JsonProperty("tags")] public IReadOnlyList<string>? Tags { get; init; }
    /// <summary>Free key/values; Gameball takes strings and numbers only.</summary>
    [JsonProperty("extra")] public IReadOnlyDictionary<string, object>? Extra { get; init; }
}

public sealed record MerchantInfo
{
    [JsonProperty("uniqueId")] public string? UniqueId { get; init; }
    [JsonProperty("name")] public string? Name { get; init; }
    [JsonProperty("branch")] public BranchInfo? Branch { get; init; }
}

public sealed record BranchInfo
{
    [JsonProperty("uniqueId")] public required string UniqueId { get; init; }
    [JsonProperty("name")] public string? Name { get; init; }
}
