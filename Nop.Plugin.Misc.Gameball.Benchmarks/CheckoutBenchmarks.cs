using BenchmarkDotNet.Attributes;
using Microsoft.Extensions.DependencyInjection;
using Nop.Core.Domain.Orders;
using Nop.Plugin.Misc.Gameball.FakeGameball;
using Nop.Plugin.Misc.Gameball.Services.Api;
using Nop.Plugin.Misc.Gameball.Services.Orders;
using Nop.Plugin.Misc.Gameball.Services.Outbox;
using Nop.Plugin.Misc.Gameball.Tests.Api;

namespace Nop.Plugin.Misc.Gameball.Benchmarks;

/// <summary>
/// What the plugin adds to checkout: its OrderPaidEvent consumer, while Gameball answers after 200 ms,
/// against the baseline of calling Gameball's Track Order synchronously from the consumer.
/// </summary>
[MemoryDiagnoser]
public class CheckoutBenchmarks
{
    private BenchmarkHost _host = null!;
    private OrderEventConsumer _consumer = null!;
    private readonly CancellationTokenSource _stop = new();
    private OutboxQueue _queue = null!;
    private Task _drain = null!;
    private IGameballApiClient _client = null!;
    private Order[] _orders = null!;
    private int _next;

    [GlobalSetup]
    public void Setup()
    {
        _host = BenchmarkHost.StartAsync().GetAwaiter().GetResult();
        _host.Fake.Faults.For(new Fault(FaultKind.Latency, Delay: TimeSpan.FromMilliseconds(200)), TimeSpan.FromHours(1));
        _client = _host.Services.GetRequiredService<IGameballApiClient>();
        _queue = new OutboxQueue(TimeProvider.System);
        _consumer = new OrderEventConsumer(_queue);
        // drains the queue as the dispatcher does, so the measured enqueues stay realistic in size
        _drain = Task.Run(async () =>
        {
            await foreach (var _ in _queue.ReadAllAsync(_stop.Token))
            {
            }
        });
        _orders = [.. Enumerable.Range(1, 1_000_000).Select(i => new Order { Id = i, OrderGuid = Guid.NewGuid() })];
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

    [Benchmark(Description = "OrderPaidEvent consumer (plugin)")]
    public Task ConsumerHandlesOrderPaid() => _consumer.HandleEventAsync(new OrderPaidEvent(_orders[_next++ % _orders.Length]));

    [Benchmark(Baseline = true, Description = "Baseline: synchronous Track Order from the consumer")]
    public Task SynchronousTrackOrder() =>
        _client.TrackOrderAsync(GameballCredentials.FromSettings(_host.Store.Settings[0]), SampleRequests.Order(Guid.NewGuid().ToString()),
            new GameballCallPolicy(TimeSpan.FromSeconds(5), 0, TimeSpan.Zero), CancellationToken.None);
}
