namespace Nop.Plugin.Misc.Gameball.Services.Outbox;

/// <summary>
/// The nopCommerce entity whose generic attributes hold a batch of outbox work (an order with its
/// reversals, a customer with their awards): the unit the queue carries and the lock covers.
/// </summary>
public readonly record struct OutboxAddress(string EntityGroup, int EntityId)
{
    public override string ToString() => $"{EntityGroup} {EntityId}";
}
