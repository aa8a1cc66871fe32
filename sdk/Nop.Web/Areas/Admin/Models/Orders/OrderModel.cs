using Nop.Web.Framework.Models;

namespace Nop.Web.Areas.Admin.Models.Orders;

public partial record OrderModel : BaseNopEntityModel
{
    public Guid OrderGuid { get; set; }
    public string CustomOrderNumber { get; set; }
    public int CustomerId { get; set; }
}
