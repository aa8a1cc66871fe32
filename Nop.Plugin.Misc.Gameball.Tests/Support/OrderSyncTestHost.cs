using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Nop.Core.Domain.Orders;
using Nop.Core.Events;
using Nop.Plugin.Misc.Gameball.FakeGameball;
using Nop.Plugin.Misc.Gameball.Services.Api;
using Nop.Plugin.Misc.Gameball.Services.Orders;

namespace Nop.Plugin.Misc.Gameball.Tests.Support;

/// <summary>
/// The plugin as nopCommerce runs it (its NopStartup registrations, the dispatcher started as a hosted
/// service) over an <see cref="InMemoryNopStore"/>, talking to a fake Gameball. Disposing it is a
/// restart: a new host over the same store carries on from the persisted state. <see cref="Kill"/>
/// before disposing is a crash: nothing after that moment reaches the store.
/// </summary>
public sealed class OrderSyncTestHost : IAsyncDisposable
{
    private readonly ServiceProvider _services;
    private readonly List<IHostedService> _hosted;

    private readonly ProcessLife _life;

    private OrderSyncTestHost(ServiceProvider services, InMemoryNopStore store, ShiftableClock clock, ProcessLife life)
    {
        _life = life;
        _services = services;
        Store = store;
        Clock = clock;
        _hosted = [.. services.GetServices<IHostedService>()];
    }

    public InMemoryNopStore Store { get; }

    public ShiftableClock Clock { get; }

    public CapturingLoggerProvider Logs { get; } = new();

    public OutboxQueue Queue => _services.GetRequiredService<OutboxQueue>();

    public IServiceProvider Services => _services;

    /// <summary>kill -9: whatever this host does from now on (a hung send's ending, a shutdown's last save, releasing its locks) never reaches the store.</summary>
    public void Kill() => _life.Kill();

    public static async Task<OrderSyncTestHost> StartAsync(InMemoryNopStore store, ShiftableClock? clock = null, bool startDispatcher = true, GameballRateLimits? limits = null, Services.WebFarm.WebFarmTiming? farmTiming = null)
    {
        clock ??= new ShiftableClock();
        var life = new ProcessLife();
        var host = new OrderSyncTestHost(PluginServices.Build(store, limits, clock, life: life, farmTiming: farmTiming), store, clock, life);
        if (startDispatcher)
        {
            foreach (var hosted in host._hosted)
                await hosted.StartAsync(CancellationToken.None);
        }

        return host;
    }

    /// <summary>Points a store's settings at a fake Gameball with fast timeouts.</summary>
    public static GameballSettings SettingsFor(FakeGameballServer fake, Action<GameballSettings>? configure = null)
    {
        var settings = GameballPlugin.CreateDefaultSettings();
        settings.ApiBaseUrl = fake.BaseUrl;
        settings.ApiKey = fake.ApiKey;
        settings.SecretKey = fake.SecretKey;
        settings.RequestTimeout = 1;
        settings.TrackingEnabledFromUtc = DateTime.UtcNow.AddDays(-1);
        // profiles are their own tests' subject (Profiles/); elsewhere they would add a request to every customer's pass
        settings.SyncCustomerProfiles = false;
        settings.EnableReferrals = false;
        configure?.Invoke(settings);
        return settings;
    }

    /// <summary>Publishes an event to the plugin's consumer as nopCommerce's event publisher would.</summary>
    public Task PublishAsync<TEvent>(TEvent @event)
    {
        using var scope = _services.CreateScope();
        var consumer = ActivatorUtilities.CreateInstance<OrderEventConsumer>(scope.ServiceProvider);
        return @event switch
        {
            OrderPaidEvent e => consumer.HandleEventAsync(e),
            OrderRefundedEvent e => consumer.HandleEventAsync(e),
            OrderStatusChangedEvent e => consumer.HandleEventAsync(e),
            EntityDeletedEvent<Order> e => consumer.HandleEventAsync(e),
            _ => throw new ArgumentException("Not an order event the plugin consumes.", nameof(@event))
        };
    }

    public async Task<int> SweepAsync()
    {
        await using var scope = _services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<OutboxSweep>().SweepAsync(CancellationToken.None);
    }

    public async Task<OrderSyncOutcome> ProcessNowAsync(Order order, bool retryFailed = false)
    {
        await using var scope = _services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<OrderSyncProcessor>().ProcessAsync(order.Id, retryFailed, CancellationToken.None);
    }

    public async Task<OrderSyncState?> StateOf(Order order)
    {
        await using var scope = _services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<OrderSyncStateStore>().LoadAsync(order);
    }

    public async Task WaitUntilAsync(Func<Task<bool>> condition, TimeSpan? timeout = null, string? because = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(20));
        while (!await condition())
        {
            if (DateTime.UtcNow > deadline)
                Assert.Fail($"Timed out waiting: {because}");
            await Task.Delay(20);
        }
    }

    public Task WaitForStatusAsync(Order order, SyncStatus status, TimeSpan? timeout = null) =>
        WaitUntilAsync(async () => (await StateOf(order))?.OverallStatus == status, timeout, $"order {order.Id} to be {status}");

    public async ValueTask DisposeAsync()
    {
        foreach (var hosted in _hosted)
            await hosted.StopAsync(CancellationToken.None);
        await _services.DisposeAsync();
    }
}

/// <summary>Real time, which a test can move forward to make a scheduled retry due; timers stay real.</summary>
public sealed class ShiftableClock : TimeProvider
{
    private long _offsetTicks;

    public void Advance(TimeSpan by) => Interlocked.Add(ref _offsetTicks, by.Ticks);

    public override DateTimeOffset GetUtcNow() => base.GetUtcNow() + TimeSpan.FromTicks(Interlocked.Read(ref _offsetTicks));
}
