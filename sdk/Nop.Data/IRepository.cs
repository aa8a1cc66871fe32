using Nop.Core;

namespace Nop.Data;

public partial interface IRepository<TEntity> where TEntity : BaseEntity
{
    IQueryable<TEntity> Table { get; }
}
