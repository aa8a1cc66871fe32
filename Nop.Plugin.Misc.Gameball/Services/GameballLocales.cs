using Nop.Core.Domain.Localization;
using Nop.Services.Localization;

namespace Nop.Plugin.Misc.Gameball.Services;

/// <summary>
/// Which of the plugin's resources a language gets: the Arabic values for a language whose culture is Arabic
/// ("ar", "ar-EG", "ar-SA"…), the English values for any other.
/// </summary>
public static class GameballLocales
{
    public static bool IsArabic(Language? language)
    {
        var culture = language?.LanguageCulture?.Trim();
        return !string.IsNullOrEmpty(culture)
            && culture.StartsWith("ar", StringComparison.OrdinalIgnoreCase)
            && (culture.Length == 2 || culture[2] == '-' || culture[2] == '_');
    }

    /// <summary>
    /// On install and update: each language its own values, one language at a time. For all languages at once,
    /// nopCommerce inserts only the keys no language has yet, so a language that lacks keys another one has
    /// (added under an earlier version, or before the plugin's new-language handling) would stay without them.
    /// </summary>
    public static async Task InstallAsync(ILocalizationService localizationService, IEnumerable<Language> languages)
    {
        foreach (var language in languages)
            await localizationService.AddOrUpdateLocaleResourceAsync(ValuesFor(language), language.Id);
    }

    /// <summary>
    /// A language added after install: nopCommerce copies no resources to it, so without this the plugin's
    /// labels would show as their keys. It gets the English values, or the Arabic ones for an Arabic culture.
    /// </summary>
    public static Task AddForNewLanguageAsync(ILocalizationService localizationService, Language language) =>
        localizationService.AddOrUpdateLocaleResourceAsync(ValuesFor(language), language.Id);

    private static Dictionary<string, string> ValuesFor(Language language) =>
        (IsArabic(language) ? GameballLocaleResources.Arabic : GameballLocaleResources.English).ToDictionary();
}
