using Nop.Core.Domain.Blogs;
using Nop.Core.Domain.Catalog;
using Nop.Core.Domain.Customers;
using Nop.Core.Domain.Messages;
using Nop.Core.Domain.News;
using Nop.Core.Events;
using Nop.Plugin.Misc.Gameball.Services.Cashback;
using Nop.Plugin.Misc.Gameball.Services.Outbox;
using Nop.Services.Customers;
using Nop.Services.Events;

namespace Nop.Plugin.Misc.Gameball.Services.Actions;

/// <summary>
/// nopCommerce's events of non-order actions, handed to the background dispatcher as the customer whose
/// actions changed: no Gameball call and no write on the request path. The customer's pass decides
/// what (if anything) the action earns, from the database, so a duplicate event changes nothing and a
/// missed one is found by the sweep. The newsletter's event carries an e-mail, not a customer: finding
/// the customer is the one read this consumer makes.
/// </summary>
public class ActionEventConsumer :
    IConsumer<CustomerRegisteredEvent>,
    IConsumer<CustomerActivatedEvent>,
    IConsumer<EmailSubscribedEvent>,
    IConsumer<ProductReviewApprovedEvent>,
    IConsumer<EntityInsertedEvent<ProductReview>>,
    IConsumer<EntityUpdatedEvent<ProductReview>>,
    IConsumer<EntityDeletedEvent<ProductReview>>,
    IConsumer<BlogCommentApprovedEvent>,
    IConsumer<EntityUpdatedEvent<BlogComment>>,
    IConsumer<EntityDeletedEvent<BlogComment>>,
    IConsumer<NewsCommentApprovedEvent>,
    IConsumer<EntityUpdatedEvent<NewsComment>>,
    IConsumer<EntityDeletedEvent<NewsComment>>,
    IConsumer<EntityDeletedEvent<Customer>>
{
    private readonly ICustomerService _customerService;
    private readonly OutboxQueue _queue;

    public ActionEventConsumer(ICustomerService customerService, OutboxQueue queue)
    {
        _customerService = customerService;
        _queue = queue;
    }

    private Task Changed(int customerId)
    {
        // a guest's review or comment has customer id of the guest record; the pass finds no reward for a guest
        if (customerId > 0)
            _queue.Enqueue(CustomerOutboxSource.Address(customerId));
        return Task.CompletedTask;
    }

    // with e-mail validation the account is inactive when registered: the pass waits for the activation event
    public Task HandleEventAsync(CustomerRegisteredEvent eventMessage) => Changed(eventMessage.Customer.Id);

    public Task HandleEventAsync(CustomerActivatedEvent eventMessage) => Changed(eventMessage.Customer.Id);

    public async Task HandleEventAsync(EmailSubscribedEvent eventMessage)
    {
        if (string.IsNullOrWhiteSpace(eventMessage.Subscription.Email))
            return;
        if (await _customerService.GetCustomerByEmailAsync(eventMessage.Subscription.Email) is { } customer)
            await Changed(customer.Id);
    }

    public Task HandleEventAsync(ProductReviewApprovedEvent eventMessage) => Changed(eventMessage.ProductReview.CustomerId);

    // a review that needs no approval is inserted approved, and nopCommerce publishes no approval event for it
    public Task HandleEventAsync(EntityInsertedEvent<ProductReview> eventMessage) =>
        eventMessage.Entity.IsApproved ? Changed(eventMessage.Entity.CustomerId) : Task.CompletedTask;

    public Task HandleEventAsync(EntityUpdatedEvent<ProductReview> eventMessage) => Changed(eventMessage.Entity.CustomerId);

    public Task HandleEventAsync(EntityDeletedEvent<ProductReview> eventMessage) => Changed(eventMessage.Entity.CustomerId);

    public Task HandleEventAsync(BlogCommentApprovedEvent eventMessage) => Changed(eventMessage.BlogComment.CustomerId);

    public Task HandleEventAsync(EntityUpdatedEvent<BlogComment> eventMessage) => Changed(eventMessage.Entity.CustomerId);

    public Task HandleEventAsync(EntityDeletedEvent<BlogComment> eventMessage) => Changed(eventMessage.Entity.CustomerId);

    public Task HandleEventAsync(NewsCommentApprovedEvent eventMessage) => Changed(eventMessage.NewsComment.CustomerId);

    public Task HandleEventAsync(EntityUpdatedEvent<NewsComment> eventMessage) => Changed(eventMessage.Entity.CustomerId);

    public Task HandleEventAsync(EntityDeletedEvent<NewsComment> eventMessage) => Changed(eventMessage.Entity.CustomerId);

    public Task HandleEventAsync(EntityDeletedEvent<Customer> eventMessage) => Changed(eventMessage.Entity.Id);
}
