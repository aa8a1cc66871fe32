using Nop.Core.Domain.Localization;
using Nop.Core.Events;
using Nop.Services.Events;
using Nop.Services.Localization;

namespace Nop.Plugin.Misc.Gameball.Services;

/// <summary>
/// A language added in Configuration > Languages after the plugin was installed gets the plugin's
/// resources: nopCommerce's LanguageService.InsertLanguageAsync only inserts the row, so a new language has
/// no resources at all (the merchant imports nopCommerce's own from a language pack, which has none of the
/// plugin's). Arabic cultures get the Arabic values, every other culture the English ones.
/// </summary>
public class LanguageInsertedConsumer : IConsumer<EntityInsertedEvent<Language>>
{
    private readonly ILocalizationService _localizationService;

    public LanguageInsertedConsumer(ILocalizationService localizationService)
    {
        _localizationService = localizationService;
    }

    public Task HandleEventAsync(EntityInsertedEvent<Language> eventMessage) =>
        GameballLocales.AddForNewLanguageAsync(_localizationService, eventMessage.Entity);
}
