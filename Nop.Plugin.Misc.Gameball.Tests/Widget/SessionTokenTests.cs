using System.Text;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using Nop.Plugin.Misc.Gameball.Services.Widget;

namespace Nop.Plugin.Misc.Gameball.Tests.Widget;

/// <summary>
/// The v4.1 session token, read back with Microsoft.IdentityModel (what Gameball's own C# sample mints it
/// with), not with the library that minted it: a token this handler accepts is one Gameball's accepts.
/// </summary>
[TestFixture]
public class SessionTokenTests
{
    private const string SecretKey = "gb_secret_0123456789abcdefghijkl";
    private static readonly DateTimeOffset _expires = DateTimeOffset.UtcNow.AddMinutes(30);

    private static TokenValidationParameters Parameters(string key) => new()
    {
        TokenDecryptionKey = new SymmetricSecurityKey(Encoding.UTF8.GetBytes(key)),
        IssuerSigningKey = new SymmetricSecurityKey(Encoding.UTF8.GetBytes(key)),
        ValidateIssuer = false,
        ValidateAudience = false,
        ValidateLifetime = true,
        RequireExpirationTime = true,
        ClockSkew = TimeSpan.Zero,
    };

    private static string Mint(string? email = "ann@example.test", string? mobile = "+201000000000", DateTimeOffset? expires = null) =>
        GameballSessionToken.Issue(SecretKey, "6f1c2a9e-0000-4000-8000-000000000001", email, mobile, expires ?? _expires)!;

    [Test]
    public void TheKeyIsTheSecretKeysUtf8BytesAndMustBe32()
    {
        SecretKey.Length.Should().Be(32);
        GameballSessionToken.IsUsableKey(SecretKey).Should().BeTrue();
        GameballSessionToken.IsUsableKey("gb_secret_22_chars_xyz").Should().BeFalse("Gameball's sample keys are 22 characters: too short for A256KW");
        GameballSessionToken.IsUsableKey(new string('é', 16)).Should().BeTrue("16 two-byte characters are 32 bytes");
        GameballSessionToken.IsUsableKey(null).Should().BeFalse();
        GameballSessionToken.Issue("gb_secret_22_chars_xyz", "c", null, null, _expires).Should().BeNull();
    }

    [Test]
    public async Task MicrosoftIdentityModelDecryptsAndValidatesTheToken()
    {
        var token = Mint();

        var result = await new JsonWebTokenHandler().ValidateTokenAsync(token, Parameters(SecretKey));

        result.IsValid.Should().BeTrue(result.Exception?.ToString());
        result.Claims["customerId"].Should().Be("6f1c2a9e-0000-4000-8000-000000000001");
        result.Claims["customerEmail"].Should().Be("ann@example.test");
        result.Claims["customerMobile"].Should().Be("+201000000000");
        Convert.ToInt64(result.Claims["exp"]).Should().Be(_expires.ToUnixTimeSeconds());
    }

    [Test]
    public void TheHeadersAreA256KwAroundAnHs256Jwt()
    {
        var handler = new JsonWebTokenHandler();
        var outer = handler.ReadJsonWebToken(Mint());

        outer.IsEncrypted.Should().BeTrue();
        outer.Alg.Should().Be("A256KW");
        outer.Enc.Should().Be("A256CBC-HS512");
        outer.Cty.Should().Be("JWT");
        var inner = handler.ReadJsonWebToken(handler.DecryptToken(outer, Parameters(SecretKey)));
        inner.Alg.Should().Be("HS256");
        inner.IsSigned.Should().BeTrue();
    }

    [Test]
    public async Task EmptyEmailAndMobileAreLeftOut()
    {
        var result = await new JsonWebTokenHandler().ValidateTokenAsync(Mint(email: "", mobile: null), Parameters(SecretKey));

        result.IsValid.Should().BeTrue();
        result.Claims.Keys.Should().BeEquivalentTo(["customerId", "exp"]);
    }

    [Test]
    public async Task ATamperedTokenOrAnotherKeyIsRefused()
    {
        var token = Mint();
        var parts = token.Split('.');
        parts.Should().HaveCount(5);
        // flip one character of the ciphertext
        var cipher = parts[3].ToCharArray();
        cipher[10] = cipher[10] == 'A' ? 'B' : 'A';
        parts[3] = new string(cipher);
        var tampered = string.Join('.', parts);

        (await new JsonWebTokenHandler().ValidateTokenAsync(tampered, Parameters(SecretKey))).IsValid.Should().BeFalse();
        (await new JsonWebTokenHandler().ValidateTokenAsync(token, Parameters("gb_secret_another_key_of_32_char"))).IsValid.Should().BeFalse();
    }

    [Test]
    public async Task AnExpiredTokenIsRefused()
    {
        var result = await new JsonWebTokenHandler().ValidateTokenAsync(Mint(expires: DateTimeOffset.UtcNow.AddSeconds(-5)), Parameters(SecretKey));

        result.IsValid.Should().BeFalse();
        result.Exception.Should().BeOfType<SecurityTokenExpiredException>();
    }

    [Test]
    public void TheKeyWrapIsRfc3394()
    {
        // RFC 3394 §4.6: 256 bits of key data wrapped with a 256-bit key
        using var kek = System.Security.Cryptography.Aes.Create();
        kek.Key = Convert.FromHexString("000102030405060708090A0B0C0D0E0F101112131415161718191A1B1C1D1E1F");

        var wrapped = GameballSessionToken.Wrap(kek, Convert.FromHexString("00112233445566778899AABBCCDDEEFF000102030405060708090A0B0C0D0E0F"));

        Convert.ToHexString(wrapped).Should().Be("28C9F404C4B810F4CBCCB35CFB87F8263F5786E2D80ED326CBC7F0E71A99F43BFB988B9B7A02DD21");
    }

    [Test]
    public void EveryTokenIsFreshlyEncrypted()
    {
        Mint().Should().NotBe(Mint(), "a new content key and IV per token");
    }
}
