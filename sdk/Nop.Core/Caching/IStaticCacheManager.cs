namespace Nop.Core.Caching;

// The host's cache shared by requests; the plugin only clears a prefix of it.
public partial interface IStaticCacheManager : IDisposable, ICacheKeyService
{
    Task RemoveByPrefixAsync(string prefix, params object[] prefixParameters);
}
