using Nop.Core.Domain.Common;
using Nop.Core.Domain.Security;
using Nop.Core.Domain.Stores;

namespace Nop.Core.Domain.Catalog;

public partial class Product : BaseEntity, IAclSupported, IStoreMappingSupported, ISoftDeletedEntity
{
    public int ProductTypeId { get; set; }
    public int ParentGroupedProductId { get; set; }
    public bool VisibleIndividually { get; set; }
    public string Name { get; set; }
    public int VendorId { get; set; }
    public string Sku { get; set; }
    public bool IsGiftCard { get; set; }
    public int OrderMinimumQuantity { get; set; }
    public int OrderMaximumQuantity { get; set; }
    public string AllowedQuantities { get; set; }
    public bool DisableBuyButton { get; set; }
    public bool CallForPrice { get; set; }
    public decimal Price { get; set; }
    public bool CustomerEntersPrice { get; set; }
    public decimal Weight { get; set; }
    public bool SubjectToAcl { get; set; }
    public bool LimitedToStores { get; set; }
    public bool Published { get; set; }
    public bool Deleted { get; set; }
}
