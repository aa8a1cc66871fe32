using Nop.Core;
using Nop.Core.Domain.Stores;

namespace Nop.Services.Stores;

public partial interface IStoreMappingService
{
    Task<bool> AuthorizeAsync<TEntity>(TEntity entity) where TEntity : BaseEntity, IStoreMappingSupported;
    Task<bool> AuthorizeAsync<TEntity>(TEntity entity, int storeId) where TEntity : BaseEntity, IStoreMappingSupported;
}
