using Nop.Core;
using Nop.Core.Caching;
using Nop.Services.Common;

namespace Nop.Plugin.Misc.Gameball.Services.Outbox;

/// <summary>
/// nopCommerce's generic attributes, for the plugin's state: every read and write sees the database as it is now.
/// nopCommerce keeps an entity's attributes in the DI scope's short-term cache and clears that cache from event
/// consumers it resolves from the request, or from the root container outside one; the dispatcher's and the
/// onboarding worker's own scopes are neither. There a save after a save would insert the key again (the cached
/// list does not have the row just inserted) and a read would answer what the scope first read.
/// </summary>
public class StateAttributes
{
    private readonly IGenericAttributeService _genericAttributeService;
    private readonly IShortTermCacheManager _shortTermCacheManager;

    public StateAttributes(IGenericAttributeService genericAttributeService, IShortTermCacheManager shortTermCacheManager)
    {
        _genericAttributeService = genericAttributeService;
        _shortTermCacheManager = shortTermCacheManager;
    }

    // every read, not once per scope: a request reads its state, then reads it again under the entity's lock,
    // and what the dispatcher wrote in between never clears the request's cache (each store's load is one key)
    public Task<TPropType> GetAttributeAsync<TPropType>(BaseEntity entity, string key, int storeId = 0, TPropType defaultValue = default!)
    {
        Forget(entity);
        return _genericAttributeService.GetAttributeAsync(entity, key, storeId, defaultValue);
    }

    public async Task SaveAttributeAsync<TPropType>(BaseEntity entity, string key, TPropType value, int storeId = 0)
    {
        Forget(entity);
        await _genericAttributeService.SaveAttributeAsync(entity, key, value, storeId);
        Forget(entity);
    }

    // the key GenericAttributeService caches an entity's attributes under: its id and its type's name (the key group)
    private void Forget(BaseEntity entity) =>
        _shortTermCacheManager.Remove(NopCommonDefaults.GenericAttributeCacheKey.Key, entity.Id, entity.GetType().Name);
}
