using Microsoft.Extensions.DependencyInjection;
using Nop.Core.Domain.Common;
using Nop.Core.Domain.Customers;
using Nop.Core.Domain.Orders;
using Nop.Plugin.Misc.Gameball.Services.Orders;
using Nop.Plugin.Misc.Gameball.Tests.Support;

namespace Nop.Plugin.Misc.Gameball.Tests.Outbox;

/// <summary>
/// 4.90.2 wrote some state keys twice (see <see cref="ScopeCachedAttributesTests"/>); from 4.90.3 on the key's first
/// row is read, which may be the older one. Updating the plugin cuts every such key back to the row written last.
/// </summary>
[TestFixture]
public class DuplicateStateRowsTests : FakeGameballEndToEndTest
{
    private Customer _maria = null!;
    private Order _order = null!;

    protected override void Seed()
    {
        // read as nopCommerce reads: the entity's rows, lowest id first, the key's first row answering
        Store.CachesAttributesPerScope = true;
        _maria = Store.AddCustomer("maria@example.test");
        _order = Store.AddOrder(_maria, true, [(Store.AddProduct("Red shirt", 50m, "SHIRT-R"), 2)]);
    }

    private async Task<int> RemoveDuplicatesAsync()
    {
        await using var scope = Host.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<DuplicateStateRows>().RemoveAsync();
    }

    /// <summary>A row as 4.90.2 left it: a lower id than the row written after it, and older.</summary>
    private GenericAttribute EarlierRow(GenericAttribute row, string value, TimeSpan earlier)
    {
        var copy = new GenericAttribute
        {
            Id = -row.Id,
            KeyGroup = row.KeyGroup,
            EntityId = row.EntityId,
            Key = row.Key,
            StoreId = row.StoreId,
            Value = value,
            CreatedOrUpdatedDateUTC = row.CreatedOrUpdatedDateUTC - earlier,
        };
        Store.GenericAttributes.Add(copy);
        return copy;
    }

    private List<GenericAttribute> RowsOf(Order order) =>
        [.. Store.GenericAttributes.ToList().Where(a => a.KeyGroup == nameof(Order) && a.EntityId == order.Id)];

    [Test]
    public async Task An_order_whose_state_was_written_twice_reads_as_sent_again_and_is_not_sent_twice()
    {
        await Host.PublishAsync(new OrderPaidEvent(_order));
        await Host.WaitForStatusAsync(_order, SyncStatus.Sent);
        var sent = RowsOf(_order);
        var state = sent.Single(a => a.Key == OrderSyncStateStore.StateKey);
        var status = sent.Single(a => a.Key == OrderSyncStateStore.StatusKey);
        state.Value.Should().Contain("\"Sent\"");
        EarlierRow(state, state.Value.Replace("\"Sent\"", "\"Pending\"", StringComparison.Ordinal), TimeSpan.FromSeconds(2));
        EarlierRow(status, "Pending", TimeSpan.FromSeconds(2));
        (await Host.StateOf(_order))!.OverallStatus.Should().Be(SyncStatus.Pending, "the older row comes first, as 4.90.2 left it");

        (await RemoveDuplicatesAsync()).Should().Be(2);

        RowsOf(_order).Should().BeEquivalentTo(sent, "the rows written last are kept");
        (await Host.StateOf(_order))!.OverallStatus.Should().Be(SyncStatus.Sent);
        (await Host.SweepAsync()).Should().Be(0, "nothing is left to send");
        Fake.Requests.Count(r => r.Path.EndsWith("/orders", StringComparison.Ordinal)).Should().Be(1);
    }

    [Test]
    public async Task Only_the_plugins_duplicated_keys_are_touched_and_a_second_run_finds_nothing()
    {
        var now = DateTime.UtcNow;
        GenericAttribute Row(int id, string keyGroup, int entityId, string key, string value, int storeId = 0, double secondsAgo = 0)
        {
            var row = new GenericAttribute { Id = id, KeyGroup = keyGroup, EntityId = entityId, Key = key, Value = value, StoreId = storeId, CreatedOrUpdatedDateUTC = now.AddSeconds(-secondsAgo) };
            Store.GenericAttributes.Add(row);
            return row;
        }

        // written in the same instant: the one inserted last wins
        Row(9001, nameof(Customer), _maria.Id, "Gameball.CashbackStatus", "Pending");
        var lastInserted = Row(9002, nameof(Customer), _maria.Id, "Gameball.CashbackStatus", "Sent");
        // a different store's value of the key is not a duplicate
        var otherStore = Row(9003, nameof(Customer), _maria.Id, "Gameball.PointsHeldUntil", "a", storeId: 1);
        var thisStore = Row(9004, nameof(Customer), _maria.Id, "Gameball.PointsHeldUntil", "b", storeId: 2);
        // nopCommerce's own keys and the plugin's claim rows are none of this repair's business
        var nopOwn = new[] { Row(9005, nameof(Customer), _maria.Id, "FirstName", "Maria"), Row(9006, nameof(Customer), _maria.Id, "FirstName", "María") };
        var claims = new[]
        {
            Row(9007, OutboxClaims.KeyGroup, 7, "Nop.Plugin.Misc.Gameball.OrderSync.7", "node-a"),
            Row(9008, OutboxClaims.KeyGroup, 7, "Nop.Plugin.Misc.Gameball.OrderSync.7", "node-b"),
        };
        // the row updated last is kept even when its id is the lower one
        var updatedLast = Row(9009, nameof(Order), _order.Id, "Gameball.OrderSyncStatus", "Sent", secondsAgo: 1);
        Row(9010, nameof(Order), _order.Id, "Gameball.OrderSyncStatus", "Pending", secondsAgo: 5);

        (await RemoveDuplicatesAsync()).Should().Be(2);
        (await RemoveDuplicatesAsync()).Should().Be(0);

        Store.GenericAttributes.ToList().Select(a => a.Id).Should().BeEquivalentTo(
            new[] { lastInserted, otherStore, thisStore, updatedLast }.Concat(nopOwn).Concat(claims).Select(a => a.Id));
    }
}
