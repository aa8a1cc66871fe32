using Nop.Core.Caching;

namespace Nop.Services.Common;

public static partial class NopCommonDefaults
{
    // {0}: the entity's id, {1}: its key group (the entity type's name)
    public static CacheKey GenericAttributeCacheKey => new("Nop.genericattribute.{0}-{1}");
}
