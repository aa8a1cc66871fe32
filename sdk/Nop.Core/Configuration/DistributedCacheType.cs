namespace Nop.Core.Configuration;

public enum DistributedCacheType
{
    Memory,
    SqlServer,
    Redis,
    RedisSynchronizedMemory
}
