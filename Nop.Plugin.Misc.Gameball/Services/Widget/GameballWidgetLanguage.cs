namespace Nop.Plugin.Misc.Gameball.Services.Widget;

/// <summary>
/// The widget's <c>lang</c> for nopCommerce's working language. Gameball offers en, ar, fr, es, de, pt, pl, it,
/// hu, zh-tw, nl, sv, no, dk and ja; any other language gets no <c>lang</c>, so the widget shows the language
/// set as default in the Gameball account.
/// </summary>
public static class GameballWidgetLanguage
{
    private static readonly HashSet<string> _sameCode = new(StringComparer.Ordinal) { "en", "ar", "fr", "es", "de", "pt", "pl", "it", "hu", "nl", "sv", "ja" };

    /// <summary>The language's culture (e.g. "pt-BR") decides; its SEO code (e.g. "pt") when the culture names none.</summary>
    public static string? For(string? languageCulture, string? uniqueSeoCode) => FromCode(languageCulture) ?? FromCode(uniqueSeoCode);

    internal static string? FromCode(string? code)
    {
        if (string.IsNullOrWhiteSpace(code))
            return null;
        var parts = code.Trim().ToLowerInvariant().Replace('_', '-').Split('-');
        return parts[0] switch
        {
            // Gameball offers traditional Chinese only
            "zh" => parts.Skip(1).Any(p => p is "tw" or "hk" or "mo" or "hant") ? "zh-tw" : null,
            // Gameball's code for Danish
            "da" or "dk" => "dk",
            // Norwegian Bokmål and Nynorsk
            "nb" or "nn" or "no" => "no",
            var language when _sameCode.Contains(language) => language,
            _ => null,
        };
    }
}
