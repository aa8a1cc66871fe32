using Nop.Core.Domain.Common;

namespace Nop.Core.Domain.Catalog;

public partial class Category : BaseEntity, ISoftDeletedEntity
{
    public string Name { get; set; }
    public int ParentCategoryId { get; set; }
    public bool Published { get; set; }
    public bool Deleted { get; set; }
}
