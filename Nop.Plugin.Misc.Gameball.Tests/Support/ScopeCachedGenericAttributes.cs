using Nop.Core;
using Nop.Core.Caching;
using Nop.Core.Domain.Common;
using Nop.Services.Common;

namespace Nop.Plugin.Misc.Gameball.Tests.Support;

/// <summary>
/// nopCommerce's PerRequestCacheManager as the plugin meets it: one per DI scope, holding what was read in it until
/// someone removes the key. nopCommerce's cache event consumers never reach a scope the plugin made itself.
/// </summary>
public sealed class ScopeAttributeCache : IShortTermCacheManager
{
    private readonly Dictionary<string, List<GenericAttribute>> _lists = [];

    public List<GenericAttribute> GetOrAdd(BaseEntity entity, Func<List<GenericAttribute>> acquire)
    {
        var key = string.Format(System.Globalization.CultureInfo.InvariantCulture, NopCommonDefaults.GenericAttributeCacheKey.Key, entity.Id, entity.GetType().Name);
        lock (_lists)
        {
            if (!_lists.TryGetValue(key, out var list))
                _lists[key] = list = acquire();
            return list;
        }
    }

    public void Remove(string cacheKey, params object[] cacheKeyParameters)
    {
        lock (_lists)
            _lists.Remove(string.Format(System.Globalization.CultureInfo.InvariantCulture, cacheKey, cacheKeyParameters));
    }
}

/// <summary>
/// nopCommerce 4.90's GenericAttributeService over the store's table, for <see cref="InMemoryNopStore.CachesAttributesPerScope"/>:
/// an entity's attributes are read once per scope (<see cref="ScopeAttributeCache"/>); a save looks the key up in
/// that list, updates the row it finds or inserts a new one (which the list does not get); an empty value deletes.
/// </summary>
public sealed class ScopeCachedGenericAttributeService : IGenericAttributeService
{
    private readonly InMemoryNopStore _store;
    private readonly ScopeAttributeCache _cache;
    private readonly ProcessLife _life;

    public ScopeCachedGenericAttributeService(InMemoryNopStore store, ScopeAttributeCache cache, ProcessLife life)
    {
        _store = store;
        _cache = cache;
        _life = life;
    }

    private List<GenericAttribute> AttributesOf(BaseEntity entity) => _cache.GetOrAdd(entity, () => _store.AttributeRowsOf(entity));

    public Task<TPropType> GetAttributeAsync<TPropType>(BaseEntity entity, string key, int storeId = 0, TPropType defaultValue = default!)
    {
        var found = AttributesOf(entity).FirstOrDefault(a => a.StoreId == storeId && a.Key.Equals(key, StringComparison.OrdinalIgnoreCase));
        return Task.FromResult(found is null || string.IsNullOrEmpty(found.Value) ? defaultValue : (TPropType)(object)found.Value);
    }

    public Task SaveAttributeAsync<TPropType>(BaseEntity entity, string key, TPropType value, int storeId = 0)
    {
        // a dead process writes nothing more
        if (_life.IsDead)
            return Task.CompletedTask;
        var text = value as string;
        var found = AttributesOf(entity).FirstOrDefault(a => a.StoreId == storeId && a.Key.Equals(key, StringComparison.OrdinalIgnoreCase));
        if (found is not null)
        {
            if (string.IsNullOrWhiteSpace(text))
                _store.DeleteAttributeRow(found);
            else
                _store.UpdateAttributeRow(found, text);
        }
        else if (!string.IsNullOrWhiteSpace(text))
        {
            _store.InsertAttributeRow(new GenericAttribute { KeyGroup = entity.GetType().Name, EntityId = entity.Id, Key = key, Value = text, StoreId = storeId, CreatedOrUpdatedDateUTC = DateTime.UtcNow });
        }

        return Task.CompletedTask;
    }
}
