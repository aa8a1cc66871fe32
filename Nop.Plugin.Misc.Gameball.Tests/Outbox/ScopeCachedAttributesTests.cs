using Nop.Core.Domain.Orders;
using Nop.Plugin.Misc.Gameball.Services.Orders;
using Nop.Plugin.Misc.Gameball.Tests.Support;

namespace Nop.Plugin.Misc.Gameball.Tests.Outbox;

/// <summary>
/// nopCommerce caches an entity's generic attributes per DI scope and clears that cache only from consumers it
/// resolves in a request (or the root container); the dispatcher works in scopes of its own. Found in a real store:
/// each state key of an order was inserted twice, and the order card read the older row. With the store serving
/// attributes as nopCommerce does, every key is one row and what was saved last is what is read.
/// </summary>
[TestFixture]
public class ScopeCachedAttributesTests : FakeGameballEndToEndTest
{
    private Order _order = null!;

    protected override void Seed()
    {
        Store.CachesAttributesPerScope = true;
        var maria = Store.AddCustomer("maria@example.test");
        _order = Store.AddOrder(maria, true, [(Store.AddProduct("Red shirt", 50m, "SHIRT-R"), 2)]);
    }

    private List<string> DuplicatedKeys() => [.. Store.GenericAttributes.ToList()
        .GroupBy(a => (a.KeyGroup, a.EntityId, a.Key)).Where(g => g.Count() > 1).Select(g => $"{g.Key.KeyGroup} {g.Key.EntityId} {g.Key.Key} x{g.Count()}")];

    [Test]
    public async Task The_dispatchers_own_scopes_write_each_key_once_and_read_what_they_wrote_last()
    {
        await Host.PublishAsync(new OrderPaidEvent(_order));
        await Host.WaitForStatusAsync(_order, SyncStatus.Sent);

        DuplicatedKeys().Should().BeEmpty();
        Store.GenericAttributes.ToList().Single(a => a.EntityId == _order.Id && a.KeyGroup == nameof(Order) && a.Key == OrderSyncStateStore.StatusKey)
            .Value.Should().Be("Sent", "the order card reads this row");
        var state = await Host.StateOf(_order);
        state!.OverallStatus.Should().Be(SyncStatus.Sent);
        Fake.Requests.Count(r => r.Path.EndsWith("/orders", StringComparison.Ordinal)).Should().Be(1);
    }
}
