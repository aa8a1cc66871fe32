using Nop.Core.Domain.Common;

namespace Nop.Core.Domain.Customers;

public partial class Customer : BaseEntity, ISoftDeletedEntity
{
    public Customer()
    {
        CustomerGuid = Guid.NewGuid();
    }

    public Guid CustomerGuid { get; set; }
    public string Username { get; set; }
    public string Email { get; set; }
    public string FirstName { get; set; }
    public string LastName { get; set; }
    public string Gender { get; set; }
    public string Phone { get; set; }
    public string ZipPostalCode { get; set; }
    public string City { get; set; }
    public int CountryId { get; set; }
    public int? BillingAddressId { get; set; }
    public int? ShippingAddressId { get; set; }
    public int? LanguageId { get; set; }
    public bool Active { get; set; }
    public bool Deleted { get; set; }
    public bool IsSystemAccount { get; set; }
    public DateTime CreatedOnUtc { get; set; }
    public int RegisteredInStoreId { get; set; }
    public DateTime? DateOfBirth { get; set; }
}
