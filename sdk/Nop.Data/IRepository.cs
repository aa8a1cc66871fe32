using System.Linq.Expressions;
using Nop.Core;

namespace Nop.Data;

public partial interface IRepository<TEntity> where TEntity : BaseEntity
{
    Task InsertAsync(TEntity entity, bool publishEvent = true);
    Task UpdateAsync(TEntity entity, bool publishEvent = true);
    Task DeleteAsync(TEntity entity, bool publishEvent = true);
    Task<int> DeleteAsync(Expression<Func<TEntity, bool>> predicate);
    IQueryable<TEntity> Table { get; }
}
