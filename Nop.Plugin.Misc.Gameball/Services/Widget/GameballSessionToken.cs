using System.Buffers;
using System.Buffers.Binary;
using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace Nop.Plugin.Misc.Gameball.Services.Widget;

/// <summary>
/// Mints the widget's v4.1 session token (gameball-api §2.11): a JWS signed HS256, encrypted as a compact JWE with
/// key management A256KW (RFC 3394 AES key wrap) and content encryption A256CBC-HS512 (RFC 7518 §5.2.5), content
/// type "JWT", both keyed with the UTF-8 bytes of the store's secret key, as Gameball's own C# sample does. Claims:
/// customerId, customerEmail and customerMobile (left out when empty), exp (Unix seconds). Built on .NET's own
/// cryptography: jose-jwt, measured, took about 0.8 ms a token (a cipher set up per wrapped block), and every
/// page view of a signed-in customer mints one. The key never leaves the server and is never logged.
/// </summary>
public static class GameballSessionToken
{
    // {"alg":"HS256","typ":"JWT"} and {"alg":"A256KW","enc":"A256CBC-HS512","cty":"JWT"}, base64url
    private static readonly string _jwsHeader = Base64Url.EncodeToString("{\"alg\":\"HS256\",\"typ\":\"JWT\"}"u8);
    private static readonly byte[] _jweHeader = Encoding.ASCII.GetBytes(Base64Url.EncodeToString("{\"alg\":\"A256KW\",\"enc\":\"A256CBC-HS512\",\"cty\":\"JWT\"}"u8));

    /// <summary>Whether the secret key can key A256KW: exactly 32 bytes of UTF-8.</summary>
    public static bool IsUsableKey(string? secretKey) => KeyLength(secretKey) == GameballDefaults.SessionTokenKeyBytes;

    public static int KeyLength(string? secretKey) => string.IsNullOrEmpty(secretKey) ? 0 : Encoding.UTF8.GetByteCount(secretKey);

    /// <returns>The compact JWE, or null when the key is not 32 bytes.</returns>
    public static string? Issue(string? secretKey, string customerId, string? email, string? mobile, DateTimeOffset expires)
    {
        if (!IsUsableKey(secretKey))
            return null;
        var key = Encoding.UTF8.GetBytes(secretKey!);

        // the JWS: header.payload.HMAC-SHA256(header.payload)
        var signingInput = _jwsHeader + "." + Base64Url.EncodeToString(Claims(customerId, email, mobile, expires));
        var signature = HMACSHA256.HashData(key, Encoding.ASCII.GetBytes(signingInput));
        var jws = Encoding.ASCII.GetBytes(signingInput + "." + Base64Url.EncodeToString(signature));

        // the JWE: a fresh 64-byte content key (MAC key, then encryption key) wrapped with the secret key
        Span<byte> contentKey = stackalloc byte[64];
        Span<byte> iv = stackalloc byte[16];
        RandomNumberGenerator.Fill(contentKey);
        RandomNumberGenerator.Fill(iv);
        var wrappedKey = Wrap(KeyWrapFor(key), contentKey);

        var aes = _contentCipher ??= Aes.Create();
        aes.Key = contentKey[32..].ToArray();
        var ciphertext = aes.EncryptCbc(jws, iv, PaddingMode.PKCS7);

        // tag: the first half of HMAC-SHA512 over AAD || IV || ciphertext || AAD length in bits (64-bit big-endian)
        var macInput = new byte[_jweHeader.Length + iv.Length + ciphertext.Length + 8];
        _jweHeader.CopyTo(macInput, 0);
        iv.CopyTo(macInput.AsSpan(_jweHeader.Length));
        ciphertext.CopyTo(macInput, _jweHeader.Length + iv.Length);
        BinaryPrimitives.WriteUInt64BigEndian(macInput.AsSpan(macInput.Length - 8), (ulong)_jweHeader.Length * 8);
        Span<byte> mac = stackalloc byte[64];
        HMACSHA512.HashData(contentKey[..32], macInput, mac);
        CryptographicOperations.ZeroMemory(contentKey);

        return string.Join('.', Encoding.ASCII.GetString(_jweHeader), Base64Url.EncodeToString(wrappedKey), Base64Url.EncodeToString(iv),
            Base64Url.EncodeToString(ciphertext), Base64Url.EncodeToString(mac[..32]));
    }

    /// <summary>
    /// RFC 3394 AES key wrap with the default initial value A6A6A6A6A6A6A6A6. Its 6 × n block encryptions go
    /// through one ECB transform: a one-shot call per block would set up the cipher 48 times (about 0.15 ms).
    /// </summary>
    internal static byte[] Wrap(Aes kek, ReadOnlySpan<byte> plainKey)
    {
        kek.Mode = CipherMode.ECB;
        kek.Padding = PaddingMode.None;
        using var ecb = kek.CreateEncryptor();
        return Wrap(ecb, plainKey);
    }

    private static byte[] Wrap(ICryptoTransform ecb, ReadOnlySpan<byte> plainKey)
    {
        var n = plainKey.Length / 8;
        var output = new byte[(n + 1) * 8];
        var r = output.AsSpan(8);
        plainKey.CopyTo(r);
        var a = 0xA6A6A6A6A6A6A6A6UL;
        var block = new byte[16];
        var encrypted = new byte[16];
        for (var j = 0; j < 6; j++)
        {
            for (var i = 0; i < n; i++)
            {
                BinaryPrimitives.WriteUInt64BigEndian(block, a);
                r.Slice(i * 8, 8).CopyTo(block.AsSpan(8));
                ecb.TransformBlock(block, 0, 16, encrypted, 0);
                a = BinaryPrimitives.ReadUInt64BigEndian(encrypted) ^ (ulong)((n * j) + i + 1);
                encrypted.AsSpan(8).CopyTo(r.Slice(i * 8, 8));
            }
        }

        BinaryPrimitives.WriteUInt64BigEndian(output, a);
        return output;
    }

    // Setting up a cipher costs more than the whole token otherwise: each thread keeps the key-wrap transform of the
    // last secret key it used (ECB keeps no state between blocks) and one AES object re-keyed for every content key.
    [ThreadStatic]
    private static KeyWrapCipher? _keyWrap;

    [ThreadStatic]
    private static Aes? _contentCipher;

    private static ICryptoTransform KeyWrapFor(byte[] key)
    {
        var cached = _keyWrap;
        if (cached is not null && cached.Key.AsSpan().SequenceEqual(key))
            return cached.Ecb;
        cached?.Dispose();
        var aes = Aes.Create();
        aes.Key = key;
        aes.Mode = CipherMode.ECB;
        aes.Padding = PaddingMode.None;
        _keyWrap = cached = new KeyWrapCipher(key, aes, aes.CreateEncryptor());
        return cached.Ecb;
    }

    private sealed record KeyWrapCipher(byte[] Key, Aes Aes, ICryptoTransform Ecb) : IDisposable
    {
        public void Dispose()
        {
            Ecb.Dispose();
            Aes.Dispose();
        }
    }

    private static ReadOnlySpan<byte> Claims(string customerId, string? email, string? mobile, DateTimeOffset expires)
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

        return buffer.WrittenSpan;
    }
}
