using Newtonsoft.Json;

namespace Nop.Plugin.Misc.Gameball.Services.Api.Models;

/// <summary>POST /events (OAS EventRequest): event names as keys, each with its metadata object (may be empty).</summary>
public sealed record EventsRequest
{
    [JsonProperty("customerId")] public required string CustomerId { get; init; }
    [JsonProperty("events")] public required IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>> Events { get; init; }
}

/// <summary>OAS Success.</summary>
public sealed record EventsResponse
{
    [JsonProperty("success")] public bool? Success { get; init; }
    [JsonProperty("message")] public string? Message { get; init; }
}
