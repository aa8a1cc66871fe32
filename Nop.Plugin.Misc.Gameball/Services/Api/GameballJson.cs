using System.Globalization;
using Newtonsoft.Json;

namespace Nop.Plugin.Misc.Gameball.Services.Api;

/// <summary>
/// How the plugin writes and reads Gameball's JSON: field names as the models declare them, no nulls
/// sent, UTC ISO 8601 times with milliseconds and Z; lenient reading (numbers as strings, times
/// without a zone taken as UTC, unknown fields ignored).
/// </summary>
internal static class GameballJson
{
    private static readonly JsonSerializerSettings _settings = new()
    {
        NullValueHandling = NullValueHandling.Ignore,
        DateFormatString = "yyyy-MM-dd'T'HH:mm:ss.fff'Z'",
        DateTimeZoneHandling = DateTimeZoneHandling.Utc,
        DateParseHandling = DateParseHandling.DateTime,
        MissingMemberHandling = MissingMemberHandling.Ignore,
        FloatParseHandling = FloatParseHandling.Decimal,
        Culture = CultureInfo.InvariantCulture,
        MaxDepth = 64,
    };

    public static JsonSerializer Serializer { get; } = JsonSerializer.Create(_settings);

    public static string Serialize(object value) => JsonConvert.SerializeObject(value, _settings);

    /// <summary>Reads a body; <c>null</c> for an empty one. Throws <see cref="JsonException"/> on anything that is not JSON of that shape.</summary>
    public static T? Deserialize<T>(string body) => string.IsNullOrWhiteSpace(body) ? default : JsonConvert.DeserializeObject<T>(body, _settings);
}
