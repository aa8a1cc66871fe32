using Microsoft.AspNetCore.Http;
using Nop.Core.Domain.Common;
using Nop.Core.Domain.Customers;
using Nop.Core.Domain.Gdpr;
using Nop.Core.Events;
using Nop.Data;
using Nop.Plugin.Misc.Gameball.Services.Cashback;
using Nop.Plugin.Misc.Gameball.Services.Outbox;
using Nop.Services.Customers;
using Nop.Services.Events;

namespace Nop.Plugin.Misc.Gameball.Services.Profiles;

/// <summary>
/// nopCommerce's customer events, handed to the background dispatcher as the customer whose profile
/// may have changed: no Gameball call on the request path. Two things cannot wait for the background:
/// the referral code, which exists only in the registering shopper's cookie, and the erasure request,
/// which nopCommerce's GDPR erasure leaves no other trace of. Both are one small write.
/// </summary>
public class ProfileEventConsumer :
    IConsumer<CustomerRegisteredEvent>,
    IConsumer<CustomerLoggedinEvent>,
    IConsumer<EntityUpdatedEvent<Customer>>,
    IConsumer<EntityUpdatedEvent<Address>>,
    IConsumer<CustomerPermanentlyDeleted>
{
    private readonly ICustomerService _customerService;
    private readonly IHttpContextAccessor _httpContextAccessor;
    private readonly IRepository<Customer> _customerRepository;
    private readonly OutboxQueue _queue;
    private readonly ProfileChangeFilter _changes;
    private readonly ProfileStore _store;
    private readonly TimeProvider _timeProvider;

    public ProfileEventConsumer(ICustomerService customerService,
        IHttpContextAccessor httpContextAccessor,
        IRepository<Customer> customerRepository,
        OutboxQueue queue,
        ProfileChangeFilter changes,
        ProfileStore store,
        TimeProvider timeProvider)
    {
        _customerService = customerService;
        _httpContextAccessor = httpContextAccessor;
        _customerRepository = customerRepository;
        _queue = queue;
        _changes = changes;
        _store = store;
        _timeProvider = timeProvider;
    }

    private void Changed(int customerId)
    {
        if (customerId > 0)
            _queue.Enqueue(CustomerOutboxSource.Address(customerId));
    }

    public async Task HandleEventAsync(CustomerRegisteredEvent eventMessage)
    {
        var customer = eventMessage.Customer;
        var context = _httpContextAccessor.HttpContext;
        if (context is not null && ReferralCode.Normalize(context.Request.Cookies[GameballDefaults.ReferralCookieName]) is { } code)
        {
            await _store.SaveReferralAsync(customer, new PendingReferral(code, _timeProvider.GetUtcNow().UtcDateTime));
            context.Response.Cookies.Delete(GameballDefaults.ReferralCookieName);
        }

        _changes.HasChanged(customer);
        Changed(customer.Id);
    }

    // a change missed while the process was down, or made where nopCommerce raises no event, is sent at the next login
    public Task HandleEventAsync(CustomerLoggedinEvent eventMessage)
    {
        Changed(eventMessage.Customer.Id);
        return Task.CompletedTask;
    }

    public Task HandleEventAsync(EntityUpdatedEvent<Customer> eventMessage)
    {
        var customer = eventMessage.Entity;
        // guests (no e-mail) and system accounts have no profile; the filter drops updates of other fields
        if (!string.IsNullOrEmpty(customer.Email) && !customer.IsSystemAccount && !customer.Deleted && _changes.HasChanged(customer))
            Changed(customer.Id);
        return Task.CompletedTask;
    }

    public async Task HandleEventAsync(EntityUpdatedEvent<Address> eventMessage)
    {
        // only a default billing address feeds the profile; one indexed read on an address edit
        var addressId = eventMessage.Entity.Id;
        var owners = await _customerRepository.Table.Where(c => c.BillingAddressId == addressId).Select(c => c.Id).Take(10).ToListAsync();
        foreach (var customerId in owners)
            Changed(customerId);
    }

    public async Task HandleEventAsync(CustomerPermanentlyDeleted eventMessage)
    {
        var customer = await _customerService.GetCustomerByIdAsync(eventMessage.CustomerId);
        if (customer is null)
            return;
        await _store.RequestErasureAsync(customer, _timeProvider.GetUtcNow().UtcDateTime);
        Changed(customer.Id);
    }
}
