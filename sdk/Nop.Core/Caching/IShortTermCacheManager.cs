namespace Nop.Core.Caching;

// The host's per-scope cache (PerRequestCacheManager, one per DI scope); the plugin only removes from it.
public partial interface IShortTermCacheManager : ICacheKeyService
{
    void Remove(string cacheKey, params object[] cacheKeyParameters);
}
