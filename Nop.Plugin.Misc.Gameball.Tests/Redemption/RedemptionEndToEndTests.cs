using Microsoft.Extensions.DependencyInjection;
using Newtonsoft.Json;
using Nop.Core.Domain.Catalog;
using Nop.Core.Domain.Customers;
using Nop.Core.Domain.Orders;
using Nop.Core.Domain.Payments;
using Nop.Core.Domain.Stores;
using Nop.Core.Events;
using Nop.Plugin.Misc.Gameball.FakeGameball;
using Nop.Plugin.Misc.Gameball.Services.Cashback;
using Nop.Plugin.Misc.Gameball.Services.Orders;
using Nop.Plugin.Misc.Gameball.Services.Redemption;
using Nop.Plugin.Misc.Gameball.Tests.Support;

namespace Nop.Plugin.Misc.Gameball.Tests.Redemption;

/// <summary>
/// Paying with points end to end: the plugin over an in-memory nopCommerce (gift cards, the cart, orders placed as
/// nopCommerce places them: the cart cleared, the card's use recorded, then the order published) and a fake Gameball
/// that validates every request against the spec and keeps a ledger of holds, burns, releases and balances. Money is
/// never lost or doubled: what the shopper is given off the order is exactly what Gameball burns, once.
/// </summary>
[TestFixture]
public class RedemptionEndToEndTests : FakeGameballEndToEndTest
{
    private Customer _maria = null!;
    private Product _shirt = null!;
    private string _mariaId = null!;

    protected override void Configure(GameballSettings settings)
    {
        settings.EnableRedemption = true;
        settings.EnableOrderTracking = true;
    }

    protected override void Seed()
    {
        _shirt = Store.AddProduct("Red shirt", 50m, "SHIRT-R");
        _maria = Store.AddCustomer("maria@example.test");
        _maria.RegisteredInStoreId = 1;
        _maria.CustomerGuid = Guid.NewGuid();
        _mariaId = GameballIdentifiers.CustomerId(_maria);
        // 2,000 points worth $200.00 (the fake's point is worth 0.10)
        Fake.Ledger.GrantPoints(_mariaId, 2000);
        // two shirts: $110.00 with tax; at most half of it (550 points) may be paid with points
        Store.AddToCart(_maria, _shirt, 2);
        Store.CurrentCustomer = _maria;
    }

    private Store MainStore => Store.Stores[0];

    private GameballSettings Settings => Store.SettingsOf(1);

    private async Task<T> WithServiceAsync<T>(Func<RedemptionService, Task<T>> use)
    {
        await using var scope = Host.Services.CreateAsyncScope();
        return await use(scope.ServiceProvider.GetRequiredService<RedemptionService>());
    }

    private Task<RedemptionState> ApplyAsync(long points) => WithServiceAsync(s => s.ApplyAsync(Settings, MainStore, _maria, points, CancellationToken.None));

    private Task<RedemptionState> StateAsync() => WithServiceAsync(s => s.GetStateAsync(Settings, MainStore, _maria, CancellationToken.None));

    private Task<RedemptionOutcome> ConfirmAsync() => WithServiceAsync(s => s.CheckBeforePlacingAsync(Settings, MainStore, _maria, CancellationToken.None));

    private List<PointsHold> Holds => RedemptionStore.Parse(Store.Attribute(_maria, RedemptionStore.HoldsKey));

    private PointsHold? ActiveHold => Holds.SingleOrDefault(h => h.IsActive);

    private async Task PublishAsync<TEvent>(TEvent @event)
    {
        await using var scope = Host.Services.CreateAsyncScope();
        var consumer = ActivatorUtilities.CreateInstance<RedemptionEventConsumer>(scope.ServiceProvider);
        switch (@event)
        {
            case EntityInsertedEvent<ShoppingCartItem> e: await consumer.HandleEventAsync(e); break;
            case EntityUpdatedEvent<ShoppingCartItem> e: await consumer.HandleEventAsync(e); break;
            case EntityDeletedEvent<ShoppingCartItem> e: await consumer.HandleEventAsync(e); break;
            case CustomerLoggedOutEvent e: await consumer.HandleEventAsync(e); break;
            case OrderPlacedEvent e: await consumer.HandleEventAsync(e); break;
            case OrderStatusChangedEvent e: await consumer.HandleEventAsync(e); break;
            case OrderRefundedEvent e: await consumer.HandleEventAsync(e); break;
            default: throw new ArgumentException("Not an event the redemption consumes.", nameof(@event));
        }
    }

    /// <summary>
    /// nopCommerce's PlaceOrder with the customer's cart: the order total has the applied gift cards taken off, the
    /// cart is cleared (an event per item), the cards' use is recorded, then OrderPlacedEvent (and OrderPaidEvent for a
    /// payment method that captures at once).
    /// </summary>
    private async Task<Order> PlaceOrderAsync(bool paid, bool publishPlaced = true, bool freeShipping = false)
    {
        var lines = Store.Cart.Where(i => i.CustomerId == _maria.Id).ToList();
        var order = Store.AddOrder(_maria, paid, [.. lines.Select(l => (Store.Products.First(p => p.Id == l.ProductId), l.Quantity))]);
        if (freeShipping)
        {
            order.OrderShippingExclTax = order.OrderShippingInclTax = 0m;
            order.OrderTotal = order.OrderSubtotalInclTax;
        }

        var remaining = order.OrderTotal;
        var usages = new List<GiftCardUsageHistory>();
        foreach (var card in Store.ActiveGiftCardsOf(_maria))
        {
            var used = Math.Min(Store.RemainingOf(card), remaining);
            remaining -= used;
            usages.Add(new GiftCardUsageHistory { Id = Store.NextId(), GiftCardId = card.Id, UsedWithOrderId = order.Id, UsedValue = used, CreatedOnUtc = DateTime.UtcNow });
        }

        order.OrderTotal = remaining;
        foreach (var line in lines)
        {
            Store.Remove(Store.Cart, line);
            await PublishAsync(new EntityDeletedEvent<ShoppingCartItem>(line));
        }

        Store.GiftCardUsages.AddRange(usages);
        Store.AppliedGiftCardCodes.TryRemove(_maria.Id, out _);
        if (!publishPlaced)
            return order;
        await PublishAsync(new OrderPlacedEvent(order));
        if (paid)
            await Host.PublishAsync(new OrderPaidEvent(order));
        return order;
    }

    private Task WaitForHoldsAsync(Func<List<PointsHold>, bool> condition, string because) =>
        Host.WaitUntilAsync(() => Task.FromResult(condition(Holds)), because: because);

    [Test]
    public async Task The_box_shows_the_balance_and_what_the_rules_allow_for_this_cart()
    {
        var state = await StateAsync();

        state.Outcome.Should().Be(RedemptionOutcome.Ok);
        state.Limits!.AvailablePoints.Should().Be(2000);
        state.Limits.AvailableValue.Should().Be(200m);
        state.Limits.MinimumPoints.Should().Be(100);
        state.Limits.MaximumPoints.Should().Be(550, "half of the $110.00 cart at $0.10 a point");
        Fake.Ledger.Holds.Should().BeEmpty("reading the balance holds nothing");
    }

    [Test]
    public async Task A_guest_is_told_to_sign_in_and_nothing_is_asked_of_Gameball()
    {
        var guest = Store.AddCustomer(null, registered: false);
        Store.AddToCart(guest, _shirt, 1);

        var state = await WithServiceAsync(s => s.GetStateAsync(Settings, MainStore, guest, CancellationToken.None));

        state.Outcome.Should().Be(RedemptionOutcome.SignInRequired);
        Fake.Requests.Should().BeEmpty();
    }

    [Test]
    public async Task Applying_points_holds_them_in_Gameball_and_puts_their_value_on_the_cart_as_this_customers_gift_card()
    {
        var applied = await ApplyAsync(300);

        applied.Outcome.Should().Be(RedemptionOutcome.Ok);
        var hold = Fake.Ledger.Holds.Should().ContainSingle().Subject;
        hold.Points.Should().Be(300);
        hold.CustomerId.Should().Be(_mariaId);
        Fake.Ledger.AvailableOf(_mariaId).Should().Be(1700, "held points cannot be spent twice");

        var card = Store.GiftCards.Should().ContainSingle().Subject;
        card.Amount.Should().Be(30m, "Gameball's holdAmount for 300 points");
        card.IsGiftCardActivated.Should().BeTrue();
        card.GiftCardCouponCode.Should().StartWith("GB-").And.HaveLength(27, "a random code no one can guess");
        Store.AppliedGiftCardCodes[_maria.Id].Should().Equal(card.GiftCardCouponCode);
        ActiveHold!.HoldReference.Should().Be(hold.Reference);
        Fake.Requests.Should().OnlyContain(r => r.Violations.Count == 0, "every request is valid against Gameball's spec");
    }

    [Test]
    public async Task A_double_click_or_a_second_tab_keeps_the_one_hold_of_this_cart()
    {
        var tabs = await Task.WhenAll(ApplyAsync(300), ApplyAsync(300), ApplyAsync(300));

        tabs.Should().OnlyContain(t => t.Outcome == RedemptionOutcome.Ok);
        Fake.Ledger.Holds.Should().ContainSingle("the same points on the same cart are one hold");
        Store.GiftCards.Should().ContainSingle();
        Fake.Ledger.AvailableOf(_mariaId).Should().Be(1700);
    }

    [Test]
    public async Task Changing_the_points_releases_the_old_hold_and_makes_a_new_one()
    {
        await ApplyAsync(300);
        var first = ActiveHold!;

        (await ApplyAsync(500)).Outcome.Should().Be(RedemptionOutcome.Ok);

        Store.GiftCards.Should().ContainSingle().Which.Amount.Should().Be(50m, "the old card is gone, the new one is worth 500 points");
        await WaitForHoldsAsync(h => h.Single(x => x.HoldId == first.HoldId).Phase == HoldPhase.Released, "the first hold to be released");
        Fake.Ledger.StateOf(first.HoldReference!).Should().Be(HoldState.Released);
        Fake.Ledger.Releases.Should().Equal(first.HoldReference);
        Fake.Ledger.AvailableOf(_mariaId).Should().Be(1500);
        // what went out is not carried on every read of the holds; the hold in place keeps its request
        var released = Holds.Single(h => h.HoldId == first.HoldId);
        released.Payload.Should().BeNull();
        released.Release!.Payload.Should().BeNull();
        ActiveHold!.Payload.Should().NotBeNull();
    }

    [Test]
    public async Task Right_after_a_removal_the_box_counts_the_points_on_their_way_back()
    {
        await ApplyAsync(300);
        // the release takes a while to reach Gameball, which holds the points until then
        Fake.Faults.Next(new Fault(FaultKind.Latency, "transactions/hold/", Delay: TimeSpan.FromMilliseconds(800)));
        await WithServiceAsync(s => s.RemoveAsync(_maria, "The shopper removed the points.", CancellationToken.None));

        Fake.Ledger.AvailableOf(_mariaId).Should().Be(1700, "Gameball still holds them");
        (await StateAsync()).Limits!.AvailablePoints.Should().Be(2000, "the one-page checkout shows the box again at once, without a reload");

        await WaitForHoldsAsync(h => h.Single().Phase == HoldPhase.Released, "the release to reach Gameball");
        (await StateAsync()).Limits!.AvailablePoints.Should().Be(2000, "counted once the release has landed");
    }

    [Test]
    public async Task Removing_the_points_takes_the_card_off_the_cart_and_releases_the_hold()
    {
        await ApplyAsync(300);
        var reference = ActiveHold!.HoldReference!;

        (await WithServiceAsync(s => s.RemoveAsync(_maria, "The shopper removed the points.", CancellationToken.None))).Should().Be(RedemptionOutcome.Ok);

        Store.GiftCards.Should().BeEmpty("an unused card is deleted, so the admin's gift card list stays clean");
        Store.AppliedGiftCardCodes[_maria.Id].Should().BeEmpty();
        await WaitForHoldsAsync(h => h.Single().Phase == HoldPhase.Released, "the release to reach Gameball");
        Fake.Ledger.StateOf(reference).Should().Be(HoldState.Released);
        Fake.Ledger.AvailableOf(_mariaId).Should().Be(2000, "every point is back");
    }

    [Test]
    public async Task Points_outside_the_rules_are_refused_without_holding_anything()
    {
        (await ApplyAsync(50)).Outcome.Should().Be(RedemptionOutcome.OutOfRange, "below the program's minimum of 100");
        (await ApplyAsync(600)).Outcome.Should().Be(RedemptionOutcome.OutOfRange, "more than half of the order");

        Fake.Ledger.Holds.Should().BeEmpty();
        Store.GiftCards.Should().BeEmpty();
    }

    [Test]
    public async Task When_Gameball_is_down_the_shopper_is_told_and_nothing_is_held_or_taken_off()
    {
        Fake.Faults.Next(new Fault(FaultKind.ServiceUnavailable, "transactions/hold"));

        var applied = await ApplyAsync(300);

        applied.Outcome.Should().Be(RedemptionOutcome.GameballUnavailable);
        Store.GiftCards.Should().BeEmpty();
        Holds.Should().ContainSingle().Which.Phase.Should().Be(HoldPhase.NotHeld);
        Holds.Single().Status.Should().Be(SyncStatus.Skipped, "a hold is never resent in the background: it could hold the points twice");
    }

    [Test]
    public async Task A_cart_change_releases_the_hold_and_its_card_leaves_the_totals_at_once()
    {
        await ApplyAsync(300);
        var reference = ActiveHold!.HoldReference!;

        var item = Store.AddToCart(_maria, _shirt, 1);
        await PublishAsync(new EntityInsertedEvent<ShoppingCartItem>(item));

        Store.AppliedGiftCardCodes[_maria.Id].Should().BeEmpty("the totals no longer take the points off");
        await WaitForHoldsAsync(h => h.Single().Phase == HoldPhase.Released, "the release");
        Fake.Ledger.StateOf(reference).Should().Be(HoldState.Released);
    }

    [Test]
    public async Task Signing_out_releases_the_hold()
    {
        await ApplyAsync(300);

        await PublishAsync(new CustomerLoggedOutEvent(_maria));

        await WaitForHoldsAsync(h => h.Single().Phase == HoldPhase.Released, "the release");
        Fake.Ledger.AvailableOf(_mariaId).Should().Be(2000);
    }

    [Test]
    public async Task An_abandoned_cart_has_its_hold_released_by_the_sweep_once_the_hold_ran_out()
    {
        await ApplyAsync(300);
        var reference = ActiveHold!.HoldReference!;
        await Host.SweepAsync();
        await Task.Delay(300);
        ActiveHold.Should().NotBeNull("the hold is still within its time");

        Host.Clock.Advance(TimeSpan.FromMinutes(11));
        Fake.Ledger.ExpireHold(reference);
        (await Host.SweepAsync()).Should().BeGreaterThan(0);

        await WaitForHoldsAsync(h => h.Single().Phase == HoldPhase.Released, "the abandoned hold to be released");
        Store.GiftCards.Should().BeEmpty();
        Store.AppliedGiftCardCodes[_maria.Id].Should().BeEmpty();
    }

    [Test]
    public async Task A_hold_that_expired_in_Gameball_is_never_taken_off_an_order()
    {
        await ApplyAsync(300);
        Fake.Ledger.ExpireHold(ActiveHold!.HoldReference!);

        (await ConfirmAsync()).Should().Be(RedemptionOutcome.HoldEnded);

        Store.ActiveGiftCardsOf(_maria).Should().BeEmpty("the order is placed at its full total, or not at all");
        Fake.Requests.Should().Contain(r => r.Method == "GET" && r.Path.EndsWith("/transactions/hold/" + Holds.Single().HoldReference, StringComparison.Ordinal));
    }

    [Test]
    public async Task An_order_paid_at_once_burns_the_held_points_exactly_once_and_is_tracked_on_what_was_paid()
    {
        await ApplyAsync(300);
        var reference = ActiveHold!.HoldReference!;
        (await ConfirmAsync()).Should().Be(RedemptionOutcome.Ok);

        var order = await PlaceOrderAsync(paid: true);

        order.OrderTotal.Should().Be(85m, "$110.00 + $5.00 shipping - $30.00 of points");
        await WaitForHoldsAsync(h => h.Single().Phase == HoldPhase.Burned, "the burn");
        await Host.WaitForStatusAsync(order, SyncStatus.Sent);
        var burn = Fake.Ledger.Burns.Should().ContainSingle().Subject;
        burn.HoldReference.Should().Be(reference);
        burn.Points.Should().Be(300);
        burn.TransactionId.Should().Be(GameballIdentifiers.OrderId(order) + "-points");
        Fake.Ledger.StateOf(reference).Should().Be(HoldState.Used);
        Fake.Ledger.AvailableOf(_mariaId).Should().Be(1700 + Fake.Ledger.Orders.Single().Points);

        var tracked = Fake.Ledger.Orders.Should().ContainSingle().Subject;
        tracked.TotalPaid.Should().Be(85m, "cashback is earned on what was paid, the points' value is a discount");
        tracked.Body["totalDiscount"]!.GetValue<decimal>().Should().Be(30m);
        tracked.Body["extra"]!["pointsRedemption"]!.GetValue<string>().Should().Be(burn.TransactionId);
        tracked.Body["redemption"].Should().BeNull("the points are burned once, by the redeem, never again by the order");

        var record = JsonConvert.DeserializeObject<OrderRedemption>(Store.Attribute(order, RedemptionStore.OrderKey)!)!;
        record.Points.Should().Be(300);
        record.Amount.Should().Be(30m);
        Store.GiftCards.Single().IsGiftCardActivated.Should().BeFalse("the used card cannot be used again");
        Fake.Requests.Should().OnlyContain(r => r.Violations.Count == 0);
    }

    [Test]
    public async Task An_order_the_points_pay_in_full_is_placed_at_zero_burns_them_once_and_is_tracked_with_nothing_paid()
    {
        // a program that lets points pay the whole order, and free shipping: nothing is left to pay
        Fake.Ledger.MaximumRedemptionPercent = 100;
        var state = await StateAsync();
        state.Limits!.MaximumPoints.Should().Be(1100, "$110.00 at $0.10 a point, within the 2,000 available");
        await ApplyAsync(state.Limits.MaximumPoints);
        (await ConfirmAsync()).Should().Be(RedemptionOutcome.Ok);

        // nopCommerce skips the payment workflow of a zero total and marks the order paid at once
        var order = await PlaceOrderAsync(paid: true, freeShipping: true);

        order.OrderTotal.Should().Be(0m);
        await WaitForHoldsAsync(h => h.Single().Phase == HoldPhase.Burned, "the burn");
        await Host.WaitForStatusAsync(order, SyncStatus.Sent);
        Fake.Ledger.Burns.Should().ContainSingle().Which.Points.Should().Be(1100);
        var tracked = Fake.Ledger.Orders.Should().ContainSingle().Subject;
        tracked.TotalPaid.Should().Be(0m, "the points paid it all: nothing earns cashback");
        tracked.Body["totalDiscount"]!.GetValue<decimal>().Should().Be(110m);
        Fake.Ledger.AvailableOf(_mariaId).Should().Be(900, "the points burned, none earned");
        Fake.Requests.Should().OnlyContain(r => r.Violations.Count == 0);
    }

    [Test]
    public async Task An_order_paid_later_burns_at_placement_so_the_hold_running_out_while_it_waits_loses_nothing()
    {
        await ApplyAsync(300);
        var reference = ActiveHold!.HoldReference!;

        var order = await PlaceOrderAsync(paid: false);

        await WaitForHoldsAsync(h => h.Single().Phase == HoldPhase.Burned, "the burn at placement");
        Fake.Ledger.Burns.Should().ContainSingle().Which.HoldReference.Should().Be(reference);
        Fake.Ledger.Orders.Should().BeEmpty("the order is tracked once it is paid");

        // paid days later, long after any hold would have run out
        Host.Clock.Advance(TimeSpan.FromDays(3));
        order.PaymentStatus = PaymentStatus.Paid;
        order.PaidDateUtc = DateTime.UtcNow;
        await Host.PublishAsync(new OrderPaidEvent(order));
        await Host.WaitForStatusAsync(order, SyncStatus.Sent);

        Fake.Ledger.Burns.Should().ContainSingle("the tracked order burns nothing again");
        Fake.Ledger.Orders.Single().TotalPaid.Should().Be(85m);
    }

    [Test]
    public async Task A_burn_whose_hold_ran_out_during_an_outage_burns_the_same_points_by_number()
    {
        await ApplyAsync(300);
        var reference = ActiveHold!.HoldReference!;
        Fake.Faults.Next(new Fault(FaultKind.ServiceUnavailable, "transactions/redeem"));

        await PlaceOrderAsync(paid: false);
        await WaitForHoldsAsync(h => h.Single().Burn?.Attempts == 1, "the first burn attempt to fail");
        Fake.Ledger.ExpireHold(reference);
        Host.Clock.Advance(TimeSpan.FromMinutes(5));
        await Host.SweepAsync();

        await WaitForHoldsAsync(h => h.Single().Phase == HoldPhase.Burned, "the burn by points");
        var burn = Fake.Ledger.Burns.Should().ContainSingle().Subject;
        burn.HoldReference.Should().BeNull();
        burn.Points.Should().Be(300);
        Fake.Ledger.AvailableOf(_mariaId).Should().Be(1700);
    }

    [Test]
    public async Task A_process_that_stopped_before_the_order_was_published_has_its_points_burned_not_released_by_the_sweep()
    {
        await ApplyAsync(300);
        var reference = ActiveHold!.HoldReference!;

        // nopCommerce committed the order, cleared the cart and recorded the card's use, then the process stopped
        // before OrderPlacedEvent: the hold is still active in the plugin's records, the card is spent
        var order = await PlaceOrderAsync(paid: false, publishPlaced: false);
        order.OrderTotal.Should().Be(85m);
        ActiveHold.Should().NotBeNull();

        // restarted long after: Gameball let the hold run out, the sweep finds the abandoned-looking hold
        Host.Clock.Advance(TimeSpan.FromMinutes(11));
        Fake.Ledger.ExpireHold(reference);
        (await Host.SweepAsync()).Should().BeGreaterThan(0);

        await WaitForHoldsAsync(h => h.Single().Phase == HoldPhase.Burned, "the burn of the points the order took off");
        Fake.Ledger.Releases.Should().BeEmpty("the shopper paid $30.00 of the order with these points");
        var burn = Fake.Ledger.Burns.Should().ContainSingle().Subject;
        burn.Points.Should().Be(300);
        burn.TransactionId.Should().Be(GameballIdentifiers.OrderId(order) + "-points");
        Fake.Ledger.AvailableOf(_mariaId).Should().Be(1700);
        var hold = Holds.Single();
        hold.OrderId.Should().Be(order.Id);
        hold.Note.Should().Contain("order was placed");
        JsonConvert.DeserializeObject<OrderRedemption>(Store.Attribute(order, RedemptionStore.OrderKey)!)!.Amount.Should().Be(30m, "the order card shows the points");
        Store.GiftCards.Single().IsGiftCardActivated.Should().BeFalse("the used card is kept for the order's record, out of use");
        Fake.Requests.Should().OnlyContain(r => r.Violations.Count == 0);
    }

    [Test]
    public async Task A_cart_emptied_by_an_order_whose_event_never_came_burns_at_the_next_look()
    {
        await ApplyAsync(300);

        await PlaceOrderAsync(paid: false, publishPlaced: false);
        // the look the emptied cart scheduled, 30 s on (the test does not wait for the timer)
        Host.Clock.Advance(RedemptionProcessor.EmptyCartGrace + TimeSpan.FromSeconds(1));
        Host.Services.GetRequiredService<OutboxQueue>().Enqueue(CustomerOutboxSource.Address(_maria.Id));

        await WaitForHoldsAsync(h => h.Single().Phase == HoldPhase.Burned, "the burn");
        Fake.Ledger.Releases.Should().BeEmpty();
        Fake.Ledger.Burns.Should().ContainSingle().Which.Points.Should().Be(300);
    }

    [Test]
    public async Task Cancelling_an_order_after_the_burn_gives_the_points_back_once()
    {
        await ApplyAsync(300);
        var order = await PlaceOrderAsync(paid: false);
        await WaitForHoldsAsync(h => h.Single().Phase == HoldPhase.Burned, "the burn");
        Fake.Ledger.AvailableOf(_mariaId).Should().Be(1700);
        Holds.Single().Burn!.Payload.Should().BeNull("the burn went out; the return is a request of its own");

        order.OrderStatus = OrderStatus.Cancelled;
        await PublishAsync(new OrderStatusChangedEvent(order, OrderStatus.Pending));
        await PublishAsync(new OrderStatusChangedEvent(order, OrderStatus.Pending));

        await WaitForHoldsAsync(h => h.Single().Phase == HoldPhase.Returned, "the points' return");
        var refund = Fake.Ledger.Refunds.Should().ContainSingle().Subject;
        refund.ReverseTransactionId.Should().Be(GameballIdentifiers.OrderId(order) + "-points");
        refund.Points.Should().Be(300);
        Fake.Ledger.AvailableOf(_mariaId).Should().Be(2000);
    }

    [Test]
    public async Task An_order_placed_with_less_than_the_card_burns_only_what_it_used_and_releases_the_hold()
    {
        // the shipping method changed the total after the points were applied: $30 held, only $20 needed
        await ApplyAsync(300);
        var reference = ActiveHold!.HoldReference!;
        var card = Store.GiftCards.Single();
        Store.GiftCardUsages.Add(new GiftCardUsageHistory { Id = Store.NextId(), GiftCardId = card.Id, UsedWithOrderId = -1, UsedValue = 10m });

        await PlaceOrderAsync(paid: false);

        await WaitForHoldsAsync(h => h.Single().Phase == HoldPhase.Burned, "the burn");
        Fake.Ledger.StateOf(reference).Should().Be(HoldState.Released);
        var burn = Fake.Ledger.Burns.Should().ContainSingle().Subject;
        burn.Amount.Should().Be(20m);
        burn.Points.Should().Be(200);
        Fake.Ledger.AvailableOf(_mariaId).Should().Be(1800);
    }

    [Test]
    public async Task The_order_card_and_the_sync_log_show_the_points_and_their_burn()
    {
        Store.GrantedPermissions.Add("Orders.OrdersView");
        await ApplyAsync(300);
        var order = await PlaceOrderAsync(paid: false);
        await WaitForHoldsAsync(h => h.Single().Phase == HoldPhase.Burned, "the burn");

        await using var scope = Host.Services.CreateAsyncScope();
        var component = ActivatorUtilities.CreateInstance<Components.GameballOrderCardViewComponent>(scope.ServiceProvider);
        var result = await component.InvokeAsync("admin_order_details_block", new Nop.Web.Areas.Admin.Models.Orders.OrderModel { Id = order.Id });
        var card = ((Microsoft.AspNetCore.Mvc.ViewComponents.ViewViewComponentResult)result).ViewData!.Model.Should().BeOfType<Models.OrderCardModel>().Subject;
        card.Redemption!.Points.Should().Be(300);
        card.Redemption.Amount.Should().Be(30m);
        card.RedemptionAmount.Should().Be("$30.00", "formatted in the store's primary currency, as the order's other amounts");
        card.RedemptionHold!.Phase.Should().Be(HoldPhase.Burned);

        var source = scope.ServiceProvider.GetServices<Services.Admin.SyncLog.ISyncLogSource>().OfType<Services.Admin.SyncLog.PointsHoldSyncLogSource>().Single();
        var row = (await source.NewestAsync(new Services.Admin.SyncLog.SyncLogFilter(PointsHold.ItemKind), 10)).Newest.Should().ContainSingle().Subject;
        row.Status.Should().Be(SyncStatus.Sent);
        row.Points.Should().Be(300);
        row.Reference.Should().Be("maria@example.test");
        row.Detail.Should().Contain("Burned").And.Contain("PointsBurn " + GameballIdentifiers.OrderId(order) + "-points: Sent, 300 points");
    }

    [Test]
    public async Task A_code_of_another_customers_points_is_taken_off_before_the_order_is_placed()
    {
        await ApplyAsync(300);
        var code = Store.GiftCards.Single().GiftCardCouponCode;
        var thief = Store.AddCustomer("thief@example.test");
        Store.AddToCart(thief, _shirt, 1);
        Store.AppliedGiftCardCodes[thief.Id] = [code];

        var outcome = await WithServiceAsync(s => s.CheckBeforePlacingAsync(Settings, MainStore, thief, CancellationToken.None));

        outcome.Should().Be(RedemptionOutcome.HoldEnded);
        Store.AppliedGiftCardCodes[thief.Id].Should().BeEmpty();
    }
}
