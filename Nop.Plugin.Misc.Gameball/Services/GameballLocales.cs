using Nop.Core.Domain.Localization;
using Nop.Services.Localization;

namespace Nop.Plugin.Misc.Gameball.Services;

/// <summary>
/// Which of the plugin's resources a language gets: English for every language, then the Arabic values
/// over them for a language whose culture is Arabic ("ar", "ar-EG", "ar-SA"…).
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

    /// <summary>On install: English for all languages at once, then Arabic for each Arabic language.</summary>
    public static async Task InstallAsync(ILocalizationService localizationService, IEnumerable<Language> languages)
    {
        await localizationService.AddOrUpdateLocaleResourceAsync(GameballLocaleResources.English.ToDictionary());
        foreach (var language in languages.Where(IsArabic))
            await localizationService.AddOrUpdateLocaleResourceAsync(GameballLocaleResources.Arabic.ToDictionary(), language.Id);
    }

    /// <summary>
    /// A language added after install: nopCommerce copies no resources to it, so without this the plugin's
    /// labels would show as their keys. It gets the English values, or the Arabic ones for an Arabic culture.
    /// </summary>
    public static Task AddForNewLanguageAsync(ILocalizationService localizationService, Language language) =>
        localizationService.AddOrUpdateLocaleResourceAsync(
            (IsArabic(language) ? GameballLocaleResources.Arabic : GameballLocaleResources.English).ToDictionary(), language.Id);
}
