using System.Buffers;
using System.Text;
using System.Text.Json;
using Jose;

namespace Nop.Plugin.Misc.Gameball.Services.Widget;

/// <summary>
/// Mints the widget's v4.1 session token (gameball-api §2.11): a JWS signed HS256, encrypted as a JWE with
/// A256KW and A256CBC-HS512 (content type "JWT"), both keyed with the UTF-8 bytes of the store's secret key,
/// as Gameball's own C# sample does. Claims: customerId, customerEmail and customerMobile (left out when
/// empty), exp (Unix seconds). The key never leaves the server and is never logged.
/// </summary>
public static class GameballSessionToken
{
    private static readonly IDictionary<string, object> _jweHeaders = new Dictionary<string, object> { ["cty"] = "JWT" };

    /// <summary>Whether the secret key can key A256KW: exactly 32 bytes of UTF-8.</summary>
    public static bool IsUsableKey(string? secretKey) => KeyLength(secretKey) == GameballDefaults.SessionTokenKeyBytes;

    public static int KeyLength(string? secretKey) => string.IsNullOrEmpty(secretKey) ? 0 : Encoding.UTF8.GetByteCount(secretKey);

    /// <returns>The compact JWE, or null when the key is not 32 bytes.</returns>
    public static string? Issue(string? secretKey, string customerId, string? email, string? mobile, DateTimeOffset expires)
    {
        if (!IsUsableKey(secretKey))
            return null;
        var key = Encoding.UTF8.GetBytes(secretKey!);
        var jws = JWT.Encode(Claims(customerId, email, mobile, expires), key, JwsAlgorithm.HS256);
        return JWT.Encode(jws, key, JweAlgorithm.A256KW, JweEncryption.A256CBC_HS512, extraHeaders: _jweHeaders);
    }

    private static string Claims(string customerId, string? email, string? mobile, DateTimeOffset expires)
    {
        var buffer = new ArrayBufferWriter<byte>(256);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteString("customerId", customerId);
            if (!string.IsNullOrWhiteSpace(email))
                writer.WriteString("customerEmail", email);
            if (!string.IsNullOrWhiteSpace(mobile))
                writer.WriteString("customerMobile", mobile);
            writer.WriteNumber("exp", expires.ToUnixTimeSeconds());
            writer.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }
}
