using Microsoft.Extensions.DependencyInjection;
using Newtonsoft.Json;
using Nop.Core.Domain.Blogs;
using Nop.Core.Domain.Catalog;
using Nop.Core.Domain.Customers;
using Nop.Core.Domain.Messages;
using Nop.Core.Domain.News;
using Nop.Core.Events;
using Nop.Plugin.Misc.Gameball.FakeGameball;
using Nop.Plugin.Misc.Gameball.Services.Actions;
using Nop.Plugin.Misc.Gameball.Tests.Support;

namespace Nop.Plugin.Misc.Gameball.Tests.NonOrderActions;

/// <summary>
/// Non-order actions end to end: nopCommerce's events into the plugin's consumer, the customer's pass
/// and the sweep, the state kept on the customer, a fake Gameball that validates every request against
/// the spec and keeps a ledger. Each occurrence earns once, and its reversal happens once.
/// </summary>
[TestFixture]
public class ActionRewardEndToEndTests
{
    private FakeGameballServer _fake = null!;
    private InMemoryNopStore _store = null!;
    private OrderSyncTestHost _host = null!;
    private Product _shirt = null!;
    private Customer _maria = null!;

    [SetUp]
    public async Task SetUp()
    {
        _fake = await FakeGameballServer.StartAsync();
        _store = new InMemoryNopStore();
        _store.Settings[1] = OrderSyncTestHost.SettingsFor(_fake);
        _shirt = _store.AddProduct("Red shirt", 50m, "SHIRT-R");
        _maria = _store.AddCustomer("maria@example.test");
        _maria.RegisteredInStoreId = 1;
        _host = await OrderSyncTestHost.StartAsync(_store);
    }

    [TearDown]
    public async Task TearDown()
    {
        await _host.DisposeAsync();
        await _fake.DisposeAsync();
    }

    private void Reward(GameballAction action, ActionRewardMode mode, decimal amount = 10m, Action<GameballSettings>? configure = null)
    {
        var s = _store.Settings[1];
        var from = DateTime.UtcNow.AddDays(-1);
        switch (action)
        {
            case GameballAction.Registration: (s.RegistrationReward, s.RegistrationCashbackAmount, s.RegistrationRewardFromUtc) = (mode, amount, from); break;
            case GameballAction.Newsletter: (s.NewsletterReward, s.NewsletterCashbackAmount, s.NewsletterRewardFromUtc) = (mode, amount, from); break;
            case GameballAction.Review: (s.ReviewReward, s.ReviewCashbackAmount, s.ReviewRewardFromUtc) = (mode, amount, from); break;
            case GameballAction.BlogComment: (s.BlogCommentReward, s.BlogCommentCashbackAmount, s.BlogCommentRewardFromUtc) = (mode, amount, from); break;
            case GameballAction.NewsComment: (s.NewsCommentReward, s.NewsCommentCashbackAmount, s.NewsCommentRewardFromUtc) = (mode, amount, from); break;
            case GameballAction.Birthday: (s.BirthdayReward, s.BirthdayCashbackAmount, s.BirthdayRewardFromUtc) = (mode, amount, from); break;
        }

        configure?.Invoke(s);
    }

    private async Task PublishAsync<TEvent>(TEvent @event)
    {
        using var scope = _host.Services.CreateScope();
        var consumer = ActivatorUtilities.CreateInstance<ActionEventConsumer>(scope.ServiceProvider);
        await ((IConsumerOf<TEvent>)(object)new ConsumerAdapter(consumer)).HandleAsync(@event);
    }

    private List<ActionReward> RewardsOf(Customer customer) =>
        JsonConvert.DeserializeObject<List<ActionReward>>(_store.Attribute(customer, ActionRewardStore.RewardsKey) ?? "[]") ?? [];

    private Task WaitForActionsAsync(Customer customer, SyncStatus status = SyncStatus.Sent) =>
        _host.WaitUntilAsync(() => Task.FromResult(_store.Attribute(customer, ActionRewardStore.StatusKey) == status.ToString()
            && _store.Attribute(customer, ActionRewardStore.CheckedKey) is not null), because: $"the actions of customer {customer.Id} to be {status}");

    /// <summary>The queue is drained and every pass of the customer has ended (its lock is free).</summary>
    private async Task SettleAsync(Customer customer)
    {
        await _host.WaitUntilAsync(() => Task.FromResult(_host.Queue.Count == 0), because: "the queue to drain");
        using var scope = _host.Services.CreateScope();
        await scope.ServiceProvider.GetRequiredService<OutboxProcessor>().UpdateAsync(Services.Cashback.CustomerOutboxSource.Address(customer.Id), () => Task.CompletedTask, CancellationToken.None);
    }

    [Test]
    public async Task ARegistrationEarnsCashbackOnceAndTheRequestIsValid()
    {
        Reward(GameballAction.Registration, ActionRewardMode.Cashback, 15m);

        await PublishAsync(new CustomerRegisteredEvent(_maria));
        await PublishAsync(new CustomerRegisteredEvent(_maria));
        await WaitForActionsAsync(_maria);
        await SettleAsync(_maria);

        var cashback = _fake.Ledger.CashbackTransactions.Should().ContainSingle().Subject;
        cashback.TransactionId.Should().Be($"registration-{_maria.CustomerGuid}");
        cashback.CustomerId.Should().Be(_maria.CustomerGuid.ToString());
        cashback.Amount.Should().Be(15m);
        RewardsOf(_maria).Should().ContainSingle().Which.Points.Should().Be(cashback.Points);
        _fake.Requests.Should().OnlyContain(r => r.Violations.Count == 0);
    }

    [Test]
    public async Task TheConsumerOnlyQueuesTheCustomer()
    {
        Reward(GameballAction.Review, ActionRewardMode.Cashback);
        await using var idle = await OrderSyncTestHost.StartAsync(_store, startDispatcher: false);
        var review = _store.AddReview(_maria, _shirt);

        using var scope = idle.Services.CreateScope();
        await ActivatorUtilities.CreateInstance<ActionEventConsumer>(scope.ServiceProvider).HandleEventAsync(new ProductReviewApprovedEvent(review));

        idle.Queue.Count.Should().Be(1);
        _fake.Requests.Should().BeEmpty("a storefront request never waits on Gameball");
        _store.Attribute(_maria, ActionRewardStore.RewardsKey).Should().BeNull("nothing is written on the request path");
    }

    [Test]
    public async Task AnApprovedReviewSentAsAnEventCarriesItsNameAndOccurrence()
    {
        Reward(GameballAction.Review, ActionRewardMode.Event);
        var review = _store.AddReview(_maria, _shirt);

        await PublishAsync(new ProductReviewApprovedEvent(review));
        await PublishAsync(new ProductReviewApprovedEvent(review));
        await WaitForActionsAsync(_maria);
        await SettleAsync(_maria);

        var sent = _fake.Ledger.Events.Should().ContainSingle().Subject;
        sent.Name.Should().Be("review_approved");
        sent.CustomerId.Should().Be(_maria.CustomerGuid.ToString());
        sent.Metadata["occurrence_id"]!.GetValue<string>().Should().Be($"review-{review.Id}");
        sent.Metadata["product_id"]!.GetValue<string>().Should().Be(_shirt.Id.ToString(System.Globalization.CultureInfo.InvariantCulture));
        _fake.Ledger.CashbackTransactions.Should().BeEmpty();
        _fake.Requests.Should().OnlyContain(r => r.Violations.Count == 0);
    }

    [Test]
    public async Task EveryActionEarnsOnceWithItsOwnKey()
    {
        foreach (var action in Enum.GetValues<GameballAction>())
            Reward(action, ActionRewardMode.Cashback, 5m);
        _maria.DateOfBirth = DateTime.UtcNow.Date.AddYears(-30);
        var review = _store.AddReview(_maria, _shirt);
        var blog = _store.AddBlogComment(_maria);
        var news = _store.AddNewsComment(_maria);
        var subscription = _store.Subscribe(_maria.Email);

        await PublishAsync(new CustomerRegisteredEvent(_maria));
        await PublishAsync(new EmailSubscribedEvent(subscription));
        await PublishAsync(new ProductReviewApprovedEvent(review));
        await PublishAsync(new BlogCommentApprovedEvent(blog));
        await PublishAsync(new NewsCommentApprovedEvent(news));
        await _host.SweepAsync();
        await _host.WaitUntilAsync(() => Task.FromResult(_fake.Ledger.CashbackTransactions.Count >= 6), because: "six actions to earn");
        await WaitForActionsAsync(_maria);
        await _host.SweepAsync();
        await SettleAsync(_maria);

        var guid = _maria.CustomerGuid;
        _fake.Ledger.CashbackTransactions.Select(c => c.TransactionId).Should().BeEquivalentTo(
            $"registration-{guid}", $"newsletter-{guid}", $"review-{review.Id}", $"blogcomment-{blog.Id}", $"newscomment-{news.Id}", $"birthday-{guid}-{DateTime.UtcNow.Year}");
        _fake.Requests.Should().OnlyContain(r => r.Violations.Count == 0);
    }

    [Test]
    public async Task ActionsThatAreOffSendNothing()
    {
        Reward(GameballAction.Registration, ActionRewardMode.Off);
        var review = _store.AddReview(_maria, _shirt);

        await PublishAsync(new CustomerRegisteredEvent(_maria));
        await PublishAsync(new ProductReviewApprovedEvent(review));
        await _host.SweepAsync();
        await _host.WaitUntilAsync(() => Task.FromResult(_store.Attribute(_maria, ActionRewardStore.CheckedKey) is not null), because: "the customer's pass");
        await SettleAsync(_maria);

        _fake.Requests.Should().BeEmpty();
    }

    [Test]
    public async Task GuestsNeverEarn()
    {
        Reward(GameballAction.Review, ActionRewardMode.Cashback);
        var guest = _store.AddCustomer(null, registered: false);
        guest.RegisteredInStoreId = 1;
        var review = _store.AddReview(guest, _shirt);

        await PublishAsync(new EntityInsertedEvent<ProductReview>(review));
        await _host.SweepAsync();
        await _host.WaitUntilAsync(() => Task.FromResult(_store.Attribute(guest, ActionRewardStore.CheckedKey) is not null), because: "the guest's pass");
        await SettleAsync(guest);

        _fake.Requests.Should().BeEmpty();
    }

    [Test]
    public async Task WithEmailValidationTheRegistrationEarnsOnceTheAccountIsActive()
    {
        Reward(GameballAction.Registration, ActionRewardMode.Cashback);
        _maria.Active = false;

        await PublishAsync(new CustomerRegisteredEvent(_maria));
        await _host.WaitUntilAsync(() => Task.FromResult(_store.Attribute(_maria, ActionRewardStore.CheckedKey) is not null), because: "the customer's pass");
        await SettleAsync(_maria);
        _fake.Requests.Should().BeEmpty("an account waiting for its e-mail validation earns nothing yet");

        _maria.Active = true;
        await PublishAsync(new CustomerActivatedEvent(_maria));
        await WaitForActionsAsync(_maria);

        _fake.Ledger.CashbackTransactions.Should().ContainSingle().Which.TransactionId.Should().Be($"registration-{_maria.CustomerGuid}");
    }

    [Test]
    public async Task ReviewsEarnAtMostTheDailyLimitAndOnlyForBoughtProductsWhenAsked()
    {
        Reward(GameballAction.Review, ActionRewardMode.Cashback, configure: s => (s.MaxReviewRewardsPerDay, s.RewardReviewsOfPurchasedProductsOnly) = (2, true));
        var hat = _store.AddProduct("Hat", 10m);
        var shoes = _store.AddProduct("Shoes", 80m);
        var scarf = _store.AddProduct("Scarf", 20m);
        _store.AddPaidOrder(_maria, (_shirt, 1), (hat, 1), (shoes, 1));
        var notBought = _store.AddReview(_maria, scarf);
        var reviews = new[] { _store.AddReview(_maria, _shirt), _store.AddReview(_maria, hat), _store.AddReview(_maria, shoes) };

        await PublishAsync(new ProductReviewApprovedEvent(notBought));
        await WaitForActionsAsync(_maria);
        await SettleAsync(_maria);

        _fake.Ledger.CashbackTransactions.Select(c => c.TransactionId).Should().BeEquivalentTo($"review-{reviews[0].Id}", $"review-{reviews[1].Id}");
        RewardsOf(_maria).Where(r => r.Status == SyncStatus.Skipped).Select(r => r.OccurrenceKey).Should().BeEquivalentTo($"review-{notBought.Id}", $"review-{reviews[2].Id}");
    }

    [Test]
    public async Task TheNewsletterEarnsOnceEver()
    {
        Reward(GameballAction.Newsletter, ActionRewardMode.Cashback);
        var first = _store.Subscribe(_maria.Email);

        await PublishAsync(new EmailSubscribedEvent(first));
        await WaitForActionsAsync(_maria);
        _store.Remove(_store.Subscriptions, first);
        await PublishAsync(new EmailSubscribedEvent(_store.Subscribe(_maria.Email)));
        await _host.SweepAsync();
        await SettleAsync(_maria);

        _fake.Ledger.CashbackTransactions.Should().ContainSingle().Which.TransactionId.Should().Be($"newsletter-{_maria.CustomerGuid}");
    }

    [Test]
    public async Task AReviewWhoseEventWasMissedIsFoundByTheSweep()
    {
        Reward(GameballAction.Review, ActionRewardMode.Cashback);
        var review = _store.AddReview(_maria, _shirt);

        (await _host.SweepAsync()).Should().Be(1);
        await WaitForActionsAsync(_maria);
        await SettleAsync(_maria);
        await _host.SweepAsync();
        await SettleAsync(_maria);

        _fake.Ledger.CashbackTransactions.Should().ContainSingle().Which.TransactionId.Should().Be($"review-{review.Id}");
    }

    [Test]
    public async Task ABirthdayIsFoundByTheScheduleTaskOnceAYear()
    {
        // switched on before the birthday, which was two days ago (the store may have been down that day)
        Reward(GameballAction.Birthday, ActionRewardMode.Cashback, 20m, s => s.BirthdayRewardFromUtc = DateTime.UtcNow.AddDays(-5));
        _maria.DateOfBirth = DateTime.UtcNow.Date.AddDays(-2).AddYears(-25);

        await using (var scope = _host.Services.CreateAsyncScope())
            await scope.ServiceProvider.GetRequiredService<Services.GameballSyncTask>().ExecuteAsync();
        await WaitForActionsAsync(_maria);
        await SettleAsync(_maria);
        await _host.SweepAsync();
        await SettleAsync(_maria);

        var expectedYear = DateTime.UtcNow.AddDays(-2).Year;
        _fake.Ledger.CashbackTransactions.Should().ContainSingle().Which.TransactionId.Should().Be($"birthday-{_maria.CustomerGuid}-{expectedYear}");
    }

    [Test]
    public async Task AnOutageIsRetriedAndTheCashbackLandsOnce()
    {
        Reward(GameballAction.Review, ActionRewardMode.Cashback);
        _fake.Faults.For(new Fault(FaultKind.ServerError, "transactions/cashback"), TimeSpan.FromMinutes(5));
        var review = _store.AddReview(_maria, _shirt);

        await PublishAsync(new ProductReviewApprovedEvent(review));
        await _host.WaitUntilAsync(() => Task.FromResult(RewardsOf(_maria).FirstOrDefault()?.Attempts >= 1), because: "the first attempt fails");
        RewardsOf(_maria).Single().Status.Should().Be(SyncStatus.Pending);

        _fake.Faults.Clear();
        _host.Clock.Advance(TimeSpan.FromMinutes(2));
        await _host.SweepAsync();
        await WaitForActionsAsync(_maria);
        await SettleAsync(_maria);

        _fake.Ledger.CashbackTransactions.Should().ContainSingle().Which.TransactionId.Should().Be($"review-{review.Id}");
    }

    [Test]
    public async Task ADeletedReviewHasItsCashbackReversedOnce()
    {
        Reward(GameballAction.Review, ActionRewardMode.Cashback, 12m);
        var review = _store.AddReview(_maria, _shirt);
        await PublishAsync(new ProductReviewApprovedEvent(review));
        await WaitForActionsAsync(_maria);
        await SettleAsync(_maria);

        _store.Remove(_store.Reviews, review);
        await PublishAsync(new EntityDeletedEvent<ProductReview>(review));
        await PublishAsync(new EntityDeletedEvent<ProductReview>(review));
        await _host.WaitUntilAsync(() => Task.FromResult(_fake.Ledger.Refunds.Count >= 1), because: "the reversal");
        await WaitForActionsAsync(_maria);
        await _host.SweepAsync();
        await SettleAsync(_maria);

        var refund = _fake.Ledger.Refunds.Should().ContainSingle().Subject;
        refund.ReverseTransactionId.Should().Be($"review-{review.Id}");
        refund.RefundTransactionId.Should().Be($"review-{review.Id}-reversal");
        refund.Amount.Should().Be(12m);
        _fake.Requests.Should().OnlyContain(r => r.Violations.Count == 0);
    }

    [Test]
    public async Task AnUnapprovedCommentAndADeletedAccountAreReversed()
    {
        Reward(GameballAction.Registration, ActionRewardMode.Cashback);
        Reward(GameballAction.BlogComment, ActionRewardMode.Cashback);
        var comment = _store.AddBlogComment(_maria);
        await PublishAsync(new CustomerRegisteredEvent(_maria));
        await _host.WaitUntilAsync(() => Task.FromResult(_fake.Ledger.CashbackTransactions.Count == 2), because: "both to earn");
        await WaitForActionsAsync(_maria);
        await SettleAsync(_maria);

        comment.IsApproved = false;
        await PublishAsync(new EntityUpdatedEvent<BlogComment>(comment));
        await _host.WaitUntilAsync(() => Task.FromResult(_fake.Ledger.Refunds.Count == 1), because: "the comment's reversal");
        await WaitForActionsAsync(_maria);
        await SettleAsync(_maria);
        _maria.Deleted = true;
        await PublishAsync(new EntityDeletedEvent<Customer>(_maria));
        await _host.WaitUntilAsync(() => Task.FromResult(_fake.Ledger.Refunds.Count == 2), because: "the registration's reversal");
        await WaitForActionsAsync(_maria);
        await SettleAsync(_maria);

        _fake.Ledger.Refunds.Select(r => r.ReverseTransactionId).Should().BeEquivalentTo($"blogcomment-{comment.Id}", $"registration-{_maria.CustomerGuid}");
    }

    [Test]
    public async Task ANewsCommentDeletedBeforeItWasSentEarnsNothing()
    {
        Reward(GameballAction.NewsComment, ActionRewardMode.Cashback);
        await using var idle = await OrderSyncTestHost.StartAsync(_store, startDispatcher: false);
        var comment = _store.AddNewsComment(_maria);
        _store.Remove(_store.NewsComments, comment);

        await PublishAsync(new EntityDeletedEvent<NewsComment>(comment));
        await _host.SweepAsync();
        await _host.WaitUntilAsync(() => Task.FromResult(_store.Attribute(_maria, ActionRewardStore.CheckedKey) is not null), because: "the customer's pass");
        await SettleAsync(_maria);

        _fake.Requests.Should().BeEmpty();
    }

    private interface IConsumerOf<in TEvent>
    {
        Task HandleAsync(TEvent @event);
    }

    /// <summary>Routes an event to the consumer's handler for its type, as nopCommerce's event publisher does.</summary>
    private sealed class ConsumerAdapter(ActionEventConsumer consumer) :
        IConsumerOf<CustomerRegisteredEvent>, IConsumerOf<CustomerActivatedEvent>, IConsumerOf<EmailSubscribedEvent>,
        IConsumerOf<ProductReviewApprovedEvent>, IConsumerOf<EntityInsertedEvent<ProductReview>>, IConsumerOf<EntityUpdatedEvent<ProductReview>>,
        IConsumerOf<EntityDeletedEvent<ProductReview>>, IConsumerOf<BlogCommentApprovedEvent>, IConsumerOf<EntityUpdatedEvent<BlogComment>>,
        IConsumerOf<EntityDeletedEvent<BlogComment>>, IConsumerOf<NewsCommentApprovedEvent>, IConsumerOf<EntityUpdatedEvent<NewsComment>>,
        IConsumerOf<EntityDeletedEvent<NewsComment>>, IConsumerOf<EntityDeletedEvent<Customer>>
    {
        public Task HandleAsync(CustomerRegisteredEvent @event) => consumer.HandleEventAsync(@event);
        public Task HandleAsync(CustomerActivatedEvent @event) => consumer.HandleEventAsync(@event);
        public Task HandleAsync(EmailSubscribedEvent @event) => consumer.HandleEventAsync(@event);
        public Task HandleAsync(ProductReviewApprovedEvent @event) => consumer.HandleEventAsync(@event);
        public Task HandleAsync(EntityInsertedEvent<ProductReview> @event) => consumer.HandleEventAsync(@event);
        public Task HandleAsync(EntityUpdatedEvent<ProductReview> @event) => consumer.HandleEventAsync(@event);
        public Task HandleAsync(EntityDeletedEvent<ProductReview> @event) => consumer.HandleEventAsync(@event);
        public Task HandleAsync(BlogCommentApprovedEvent @event) => consumer.HandleEventAsync(@event);
        public Task HandleAsync(EntityUpdatedEvent<BlogComment> @event) => consumer.HandleEventAsync(@event);
        public Task HandleAsync(EntityDeletedEvent<BlogComment> @event) => consumer.HandleEventAsync(@event);
        public Task HandleAsync(NewsCommentApprovedEvent @event) => consumer.HandleEventAsync(@event);
        public Task HandleAsync(EntityUpdatedEvent<NewsComment> @event) => consumer.HandleEventAsync(@event);
        public Task HandleAsync(EntityDeletedEvent<NewsComment> @event) => consumer.HandleEventAsync(@event);
        public Task HandleAsync(EntityDeletedEvent<Customer> @event) => consumer.HandleEventAsync(@event);
    }
}
