using Nop.Web.Framework.Models;

namespace Nop.Web.Areas.Admin.Models.Customers;

public partial record CustomerModel : BaseNopEntityModel
{
    public string Email { get; set; }
    public string FullName { get; set; }
}
