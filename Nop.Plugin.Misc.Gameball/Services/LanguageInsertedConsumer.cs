using Nop.Core.Caching;
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
    private readonly IStaticCacheManager _staticCacheManager;

    public LanguageInsertedConsumer(ILocalizationService localizationService, IStaticCacheManager staticCacheManager)
    {
        _localizationService = localizationService;
        _staticCacheManager = staticCacheManager;
    }

    public async Task HandleEventAsync(EntityInsertedEvent<Language> eventMessage)
    {
        // nopCommerce adds resources only for the languages of its cached list, which its own consumer of this
        // event clears, maybe after this one: without this the new language got nothing (seen in a real store
        // right after an update had read the list)
        await _staticCacheManager.RemoveByPrefixAsync(NopEntityCacheDefaults<Language>.AllPrefix);
        await GameballLocales.AddForNewLanguageAsync(_localizationService, eventMessage.Entity);
    }
}
