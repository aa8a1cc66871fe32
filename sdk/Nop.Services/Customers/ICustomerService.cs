using Nop.Core.Domain.Customers;

namespace Nop.Services.Customers;

public partial interface ICustomerService
{
    Task<Customer> GetCustomerByIdAsync(int customerId);
    Task<Customer> GetCustomerByEmailAsync(string email);
    Task<bool> IsRegisteredAsync(Customer customer, bool onlyActiveCustomerRoles = true);
    Task<bool> IsGuestAsync(Customer customer, bool onlyActiveCustomerRoles = true);
}
