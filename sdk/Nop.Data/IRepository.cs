using Nop.Core;

namespace Nop.Data;

public partial interface IRepository<TEntity> where TEntity : BaseEntity
{
    Task InsertAsync(TEntity entity, bool publishEvent = true);
    Task DeleteAsync(TEntity entity, bool publishEvent = true);
    IQueryable<TEntity> Table { get; }
}
