namespace Nop.Plugin.Misc.Gameball.Services.Profiles;

/// <summary>What may be kept as a referral code: Gameball's codes are short and plain; anything else is dropped unread.</summary>
public static class ReferralCode
{
    public const int MaxLength = 64;

    public static string? Normalize(string? value)
    {
        var code = value?.Trim();
        if (string.IsNullOrEmpty(code) || code.Length > MaxLength)
            return null;
        foreach (var c in code)
        {
            if (!char.IsAsciiLetterOrDigit(c) && c is not '-' and not '_')
                return null;
        }

        return code;
    }
}
