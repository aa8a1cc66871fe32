using Microsoft.Extensions.DependencyInjection;
using Nop.Plugin.Misc.Gameball.Services.WebFarm;
using Nop.Plugin.Misc.Gameball.Tests.Support;

namespace Nop.Plugin.Misc.Gameball.Tests.WebFarm;

/// <summary>
/// The claim on an entity's work, through nopCommerce's repository over one shared table: one node at a
/// time, whatever the interleaving; a dead node's claim ends when it expires; a released claim is free.
/// </summary>
[TestFixture]
public class OutboxClaimsTests
{
    private static readonly TimeSpan _expiry = TimeSpan.FromMinutes(1);

    private static (ServiceProvider Services, ProcessLife Life) Node(InMemoryNopStore store, TimeProvider? clock = null)
    {
        var life = new ProcessLife();
        return (PluginServices.Build(store, clock: clock, life: life), life);
    }

    private static OutboxClaims ClaimsOf(ServiceProvider node) => node.CreateScope().ServiceProvider.GetRequiredService<OutboxClaims>();

    [Test]
    public async Task AClaimHeldByOneNodeIsRefusedToAnotherUntilReleased()
    {
        var store = new InMemoryNopStore();
        using var first = Node(store).Services;
        using var second = Node(store).Services;

        var held = await ClaimsOf(first).TryClaimAsync("order-7", 7, _expiry);
        held.Should().NotBeNull();
        (await ClaimsOf(second).TryClaimAsync("order-7", 7, _expiry)).Should().BeNull();
        (await ClaimsOf(second).TryClaimAsync("order-8", 8, _expiry)).Should().NotBeNull("another entity's work is free");

        await ClaimsOf(first).ReleaseAsync(held!);
        (await ClaimsOf(second).TryClaimAsync("order-7", 7, _expiry)).Should().NotBeNull();
        store.GenericAttributes.Count(a => a.KeyGroup == OutboxClaims.KeyGroup && a.EntityId == 7).Should().Be(1, "a refused claim leaves no row behind");
    }

    [Test]
    public async Task TheClaimOfANodeThatDiedEndsWhenItExpires()
    {
        var store = new InMemoryNopStore();
        var clock = new ShiftableClock();
        var (dead, life) = Node(store, clock);
        using var deadNode = dead;
        using var alive = Node(store, clock).Services;

        (await ClaimsOf(dead).TryClaimAsync("order-7", 7, _expiry)).Should().NotBeNull();
        life.Kill();
        (await ClaimsOf(alive).TryClaimAsync("order-7", 7, _expiry)).Should().BeNull();

        clock.Advance(_expiry + WebFarmTiming.Default.ClockSkew + TimeSpan.FromSeconds(1));
        (await ClaimsOf(alive).TryClaimAsync("order-7", 7, _expiry)).Should().NotBeNull();
        store.GenericAttributes.Count(a => a.KeyGroup == OutboxClaims.KeyGroup).Should().Be(1, "the dead node's row was tidied away");
    }

    [Test]
    public async Task NodesRacingForTheSameWorkNeverHoldItTogether()
    {
        var store = new InMemoryNopStore();
        var nodes = Enumerable.Range(0, 4).Select(_ => Node(store).Services).ToList();
        var holders = 0;
        var mostAtOnce = 0;
        var held = 0;

        await Task.WhenAll(nodes.Select(node => Task.Run(async () =>
        {
            for (var round = 0; round < 300; round++)
            {
                var claims = ClaimsOf(node);
                if (await claims.TryClaimAsync("order-1", 1, _expiry) is not { } claim)
                {
                    // a node that lost tries again later (the outbox: 5 s); a little jitter keeps the race going without livelock
                    await Task.Delay(Random.Shared.Next(0, 3));
                    continue;
                }
                var now = Interlocked.Increment(ref holders);
                InterlockedMax(ref mostAtOnce, now);
                Interlocked.Increment(ref held);
                await Task.Yield();
                Interlocked.Decrement(ref holders);
                await claims.ReleaseAsync(claim);
            }
        })));

        mostAtOnce.Should().BeLessThanOrEqualTo(1, "two nodes never hold the same work at once");
        held.Should().BePositive("the claim is taken, not only refused, even racing this hard");
        // how many rounds a node wins depends on the interleaving; what must hold is that nothing is left behind:
        // once the race is over, every node in turn takes the claim at its first try
        foreach (var node in nodes)
        {
            var claim = await ClaimsOf(node).TryClaimAsync("order-1", 1, _expiry);
            claim.Should().NotBeNull("a race leaves no live claim row behind");
            await ClaimsOf(node).ReleaseAsync(claim!);
        }
        store.GenericAttributes.Count(a => a.KeyGroup == OutboxClaims.KeyGroup).Should().Be(0);
        nodes.ForEach(n => n.Dispose());
    }

    internal static void InterlockedMax(ref int target, int value)
    {
        int seen;
        while ((seen = Volatile.Read(ref target)) < value && Interlocked.CompareExchange(ref target, value, seen) != seen)
        {
        }
    }
}
