using Newtonsoft.Json;

namespace Nop.Plugin.Misc.Gameball.Services.Api.Models;

/// <summary>POST /customers: creates or updates a customer profile (upsert on customerId).</summary>
public sealed record UpsertCustomerRequest
{
    [JsonProperty("customerId")] public required string CustomerId { get; init; }
    [JsonProperty("email")] public string? Email { get; init; }
    [JsonProperty("mobile")] public string? Mobile { get; init; }
    [JsonProperty("customerAttributes")] public CustomerAttributes? CustomerAttributes { get; init; }
    [JsonProperty("referrerCode")] public string? ReferrerCode { get; init; }
    [JsonProperty("guest")] public bool? Guest { get; init; }
}

public sealed record CustomerAttributes
{
    [JsonProperty("displayName")] public string? DisplayName { get; init; }
    [JsonProperty("firstName")] public string? FirstName { get; init; }
    [JsonProperty("lastName")] public string? LastName { get; init; }
    [JsonProperty("email")] public string? Email { get; init; }
    [JsonProperty("mobile")] public string? Mobile { get; init; }
    [JsonProperty("gender")] public string? Gender { get; init; }
    [JsonProperty("dateOfBirth")] public string? DateOfBirth { get; init; }
    [JsonProperty("joinDate")] public string? JoinDate { get; init; }
    [JsonProperty("country")] public string? Country { get; init; }
    [JsonProperty("city")] public string? City { get; init; }
    [JsonProperty("zip")] public string? Zip { get; init; }
    [JsonProperty("preferredLanguage")] public string? PreferredLanguage { get; init; }
    [JsonProperty("channel")] public string? Channel { get; init; }
}

public sealed record UpsertCustomerResponse
{
    [JsonProperty("gameballId")] public string? GameballId { get; init; }
}

/// <summary>The customer a call names in its path (DELETE /customers/{customerId}), kept as the payload of work that has no body.</summary>
public sealed record CustomerReference
{
    [JsonProperty("customerId")] public required string CustomerId { get; init; }
}

/// <summary>GET /referrals/validate.</summary>
public sealed record ReferralValidationResponse
{
    [JsonProperty("isValid")] public bool IsValid { get; init; }
}

/// <summary>An answer whose body does not matter (DELETE /customers/{customerId}: 200, body not specified).</summary>
public sealed record NoContentResponse
{
    public static NoContentResponse Instance { get; } = new();
}

/// <summary>GET /customers/{customerId}/balance.</summary>
public sealed record CustomerBalanceResponse
{
    [JsonProperty("totalPointsBalance")] public decimal? TotalPointsBalance { get; init; }
    [JsonProperty("totalPointsValue")] public decimal? TotalPointsValue { get; init; }
    [JsonProperty("availablePointsBalance")] public decimal? AvailablePointsBalance { get; init; }
    [JsonProperty("availablePointsValue")] public decimal? AvailablePointsValue { get; init; }
    [JsonProperty("pendingPoints")] public decimal? PendingPoints { get; init; }
    [JsonProperty("pendingPointsValue")] public decimal? PendingPointsValue { get; init; }
    [JsonProperty("currency")] public string? Currency { get; init; }
    [JsonProperty("pointsName")] public string? PointsName { get; init; }
    [JsonProperty("totalEarnedPoints")] public decimal? TotalEarnedPoints { get; init; }
}

/// <summary>Gameball's error body: {code, type, message, documentationUrl, requestId}, or {error, message}.</summary>
internal sealed record GameballErrorBody
{
    [JsonProperty("code")] public int? Code { get; init; }
    [JsonProperty("error")] public int? Error { get; init; }
    [JsonProperty("type")] public string? Type { get; init; }
    [JsonProperty("message")] public string? Message { get; init; }
    [JsonProperty("requestId")] public string? RequestId { get; init; }
}
