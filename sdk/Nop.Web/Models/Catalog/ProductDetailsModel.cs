using Nop.Web.Framework.Models;

namespace Nop.Web.Models.Catalog;

public partial record ProductDetailsModel : BaseNopEntityModel
{
    public string Name { get; set; }
    public IList<ProductDetailsModel> AssociatedProducts { get; set; }
}
