using Nop.Core.Domain.Common;
using Nop.Core.Domain.Customers;

namespace Nop.Services.Customers;

public partial interface ICustomerService
{
    Task<Customer> GetCustomerByIdAsync(int customerId);
    Task<Customer> GetCustomerByEmailAsync(string email);
    Task<bool> IsRegisteredAsync(Customer customer, bool onlyActiveCustomerRoles = true);
    Task<Address> GetCustomerBillingAddressAsync(Customer customer);
    Task<bool> IsGuestAsync(Customer customer, bool onlyActiveCustomerRoles = true);
    Task<string[]> ParseAppliedGiftCardCouponCodesAsync(Customer customer);
    Task ApplyGiftCardCouponCodeAsync(Customer customer, string couponCode);
    Task RemoveGiftCardCouponCodeAsync(Customer customer, string couponCode);
}
