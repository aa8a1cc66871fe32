namespace Nop.Core.Domain.Customers;

public partial class CustomerActivatedEvent
{
    public CustomerActivatedEvent(Customer customer)
    {
        Customer = customer;
    }

    public Customer Customer { get; }
}
