using BenchmarkDotNet.Attributes;
using Microsoft.Extensions.DependencyInjection;
using Nop.Core.Domain.Blogs;
using Nop.Core.Domain.Catalog;
using Nop.Core.Domain.Customers;
using Nop.Core.Domain.Messages;
using Nop.Core.Domain.News;
using Nop.Core.Events;
using Nop.Plugin.Misc.Gameball.FakeGameball;
using Nop.Plugin.Misc.Gameball.Services.Actions;
using Nop.Plugin.Misc.Gameball.Services.Api;
using Nop.Plugin.Misc.Gameball.Services.Api.Models;
using Nop.Plugin.Misc.Gameball.Services.Outbox;
using Nop.Services.Customers;

namespace Nop.Plugin.Misc.Gameball.Benchmarks;

/// <summary>
/// What the plugin adds to the storefront request of each non-order action: its consumer of
/// nopCommerce's event, while Gameball answers after 200 ms, against the baseline of awarding the
/// cashback synchronously from the consumer. The newsletter's consumer finds the customer by e-mail
/// (here an in-memory lookup; in a store one indexed read).
/// </summary>
[MemoryDiagnoser]
public class ActionConsumerBenchmarks
{
    private BenchmarkHost _host = null!;
    private ActionEventConsumer _consumer = null!;
    private readonly CancellationTokenSource _stop = new();
    private OutboxQueue _queue = null!;
    private Task _drain = null!;
    private IGameballApiClient _client = null!;
    private Customer[] _customers = null!;
    private NewsLetterSubscription _subscription = null!;
    private int _next;

    [GlobalSetup]
    public void Setup()
    {
        _host = BenchmarkHost.StartAsync().GetAwaiter().GetResult();
        _host.Fake.Faults.For(new Fault(FaultKind.Latency, Delay: TimeSpan.FromMilliseconds(200)), TimeSpan.FromHours(1));
        _client = _host.Services.GetRequiredService<IGameballApiClient>();
        _queue = new OutboxQueue(TimeProvider.System);
        var subscriber = _host.Store.AddCustomer("subscriber@example.test");
        _consumer = new ActionEventConsumer(_host.Services.GetRequiredService<ICustomerService>(), _queue);
        _drain = Task.Run(async () =>
        {
            await foreach (var _ in _queue.ReadAllAsync(_stop.Token))
            {
            }
        });
        _customers = [.. Enumerable.Range(1, 1_000_000).Select(i => new Customer { Id = i, Active = true })];
        _subscription = new NewsLetterSubscription { Id = 1, Email = subscriber.Email, Active = true, StoreId = 1 };
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _stop.Cancel();
        try
        {
            _drain.Wait();
        }
        catch (AggregateException)
        {
        }

        _queue.Dispose();
        _host.DisposeAsync().AsTask().GetAwaiter().GetResult();
    }

    private Customer NextCustomer() => _customers[_next++ % _customers.Length];

    private int NextId() => NextCustomer().Id;

    [Benchmark(Description = "CustomerRegisteredEvent consumer")]
    public Task Registered() => _consumer.HandleEventAsync(new CustomerRegisteredEvent(NextCustomer()));

    [Benchmark(Description = "CustomerActivatedEvent consumer")]
    public Task Activated() => _consumer.HandleEventAsync(new CustomerActivatedEvent(NextCustomer()));

    [Benchmark(Description = "EmailSubscribedEvent consumer (customer by e-mail)")]
    public Task Subscribed() => _consumer.HandleEventAsync(new EmailSubscribedEvent(_subscription));

    [Benchmark(Description = "ProductReviewApprovedEvent consumer")]
    public Task ReviewApproved() => _consumer.HandleEventAsync(new ProductReviewApprovedEvent(new ProductReview { Id = 1, CustomerId = NextId(), IsApproved = true }));

    [Benchmark(Description = "EntityInsertedEvent<ProductReview> consumer (approved)")]
    public Task ReviewInserted() => _consumer.HandleEventAsync(new EntityInsertedEvent<ProductReview>(new ProductReview { Id = 1, CustomerId = NextId(), IsApproved = true }));

    [Benchmark(Description = "EntityDeletedEvent<ProductReview> consumer")]
    public Task ReviewDeleted() => _consumer.HandleEventAsync(new EntityDeletedEvent<ProductReview>(new ProductReview { Id = 1, CustomerId = NextId() }));

    [Benchmark(Description = "BlogCommentApprovedEvent consumer")]
    public Task BlogCommentApproved() => _consumer.HandleEventAsync(new BlogCommentApprovedEvent(new BlogComment { Id = 1, CustomerId = NextId(), IsApproved = true }));

    [Benchmark(Description = "NewsCommentApprovedEvent consumer")]
    public Task NewsCommentApproved() => _consumer.HandleEventAsync(new NewsCommentApprovedEvent(new NewsComment { Id = 1, CustomerId = NextId(), IsApproved = true }));

    [Benchmark(Description = "EntityDeletedEvent<Customer> consumer")]
    public Task CustomerDeleted() => _consumer.HandleEventAsync(new EntityDeletedEvent<Customer>(NextCustomer()));

    [Benchmark(Baseline = true, Description = "Baseline: synchronous cashback from the consumer")]
    public Task SynchronousCashback() =>
        _client.CashbackAsync(GameballCredentials.FromSettings(_host.Store.Settings[0]),
            new CashbackRequest { CustomerId = "bench-customer", TransactionId = Guid.NewGuid().ToString("N"), TransactionTime = DateTime.UtcNow, Amount = 5m },
            new GameballCallPolicy(TimeSpan.FromSeconds(5), 0, TimeSpan.Zero), CancellationToken.None);
}
