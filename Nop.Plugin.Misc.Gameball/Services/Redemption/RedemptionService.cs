using Nop.Core.Domain.Customers;
using Nop.Core.Domain.Orders;
using Nop.Core.Domain.Stores;
using Nop.Plugin.Misc.Gameball.Services.Api;
using Nop.Plugin.Misc.Gameball.Services.Api.Models;
using Nop.Plugin.Misc.Gameball.Services.Cashback;
using Nop.Plugin.Misc.Gameball.Services.Orders;
using Nop.Plugin.Misc.Gameball.Services.Outbox;
using Nop.Services.Customers;
using Nop.Services.Orders;

namespace Nop.Plugin.Misc.Gameball.Services.Redemption;

/// <summary>What an apply, a removal or a check came to, in words the shopper is told (locale resource suffixes).</summary>
public enum RedemptionOutcome
{
    Ok,
    Disabled,
    SignInRequired,
    EmptyCart,
    OutOfRange,
    Busy,
    GameballUnavailable,
    Refused,
    HoldEnded,
    CartChanged
}

/// <summary>The shopper's redemption as the box shows it.</summary>
public sealed record RedemptionState(RedemptionOutcome Outcome, RedemptionLimits? Limits = null, PointsHold? Active = null, string? ErrorDetail = null);

/// <summary>
/// Paying with points on the request path: the shopper's apply, change and removal (one hold per cart state,
/// under the customer's outbox lock, so double clicks and a second tab find the hold the first made), the
/// releases the cart's changes and a sign-out cause, the check before an order is placed, and the placed
/// order's burn. Every call to Gameball that changes something is an outbox item: the hold is written ahead
/// and sent inline (the shopper needs its amount now), releases, burns and returns are sent by the customer's
/// pass (<see cref="RedemptionProcessor"/>).
/// </summary>
public class RedemptionService
{
    /// <summary>A hold this close to its end is not trusted with an order.</summary>
    public static TimeSpan ExpiryMargin { get; } = TimeSpan.FromSeconds(30);

    private readonly ICustomerService _customerService;
    private readonly IGameballApiClient _apiClient;
    private readonly IOrderTotalCalculationService _orderTotals;
    private readonly IShoppingCartService _shoppingCartService;
    private readonly HoldHandler _holdHandler;
    private readonly PointsHoldEndings _endings;
    private readonly OutboxProcessor _outbox;
    private readonly OutboxQueue _queue;
    private readonly OutboxRunner _runner;
    private readonly RedemptionGiftCards _giftCards;
    private readonly RedemptionRulesCache _rules;
    private readonly RedemptionStore _store;
    private readonly TimeProvider _timeProvider;

    public RedemptionService(ICustomerService customerService,
        IGameballApiClient apiClient,
        IOrderTotalCalculationService orderTotals,
        IShoppingCartService shoppingCartService,
        HoldHandler holdHandler,
        PointsHoldEndings endings,
        OutboxProcessor outbox,
        OutboxQueue queue,
        OutboxRunner runner,
        RedemptionGiftCards giftCards,
        RedemptionRulesCache rules,
        RedemptionStore store,
        TimeProvider timeProvider)
    {
        _customerService = customerService;
        _apiClient = apiClient;
        _orderTotals = orderTotals;
        _shoppingCartService = shoppingCartService;
        _holdHandler = holdHandler;
        _endings = endings;
        _outbox = outbox;
        _queue = queue;
        _runner = runner;
        _giftCards = giftCards;
        _rules = rules;
        _store = store;
        _timeProvider = timeProvider;
    }

    private DateTime Now => _timeProvider.GetUtcNow().UtcDateTime;

    /// <summary>The balance, the rules and the hold in place, after putting right what the cart's changes left (read by the box after the page loaded).</summary>
    public async Task<RedemptionState> GetStateAsync(GameballSettings settings, Store store, Customer customer, CancellationToken cancellationToken)
    {
        if (!settings.EnableRedemption || !GameballCredentials.FromSettings(settings).IsComplete)
            return new RedemptionState(RedemptionOutcome.Disabled);
        if (!await _customerService.IsRegisteredAsync(customer))
            return new RedemptionState(RedemptionOutcome.SignInRequired);
        var cart = await CartAsync(customer, store);
        if (cart.Count == 0)
            return new RedemptionState(RedemptionOutcome.EmptyCart);

        var holds = await _store.LoadAsync(customer);
        var active = holds.FirstOrDefault(h => h.IsActive);
        if (active is not null)
        {
            await WithLockAsync(customer, () => ReconcileAsync(customer, store, cart), cancellationToken);
            holds = await _store.LoadAsync(customer);
            active = holds.FirstOrDefault(h => h.IsActive);
        }

        try
        {
            var limits = await LimitsAsync(settings, customer, cart, holds, cancellationToken);
            return new RedemptionState(RedemptionOutcome.Ok, limits, active?.StoreId == store.Id ? active : null);
        }
        catch (GameballApiException e) when (e.Kind != GameballErrorKind.NotFound)
        {
            return new RedemptionState(RedemptionOutcome.GameballUnavailable, Active: active, ErrorDetail: e.Kind.ToString());
        }
        catch (GameballApiException)
        {
            // Gameball does not know the customer yet: nothing to spend
            return new RedemptionState(RedemptionOutcome.Ok, new RedemptionLimits(0, 0, 0, 0, 0));
        }
    }

    /// <summary>Releases the active hold when its cart changed, its card left the cart (the gift card box) or its time ran out.</summary>
    private async Task ReconcileAsync(Customer customer, Store store, IList<ShoppingCartItem> cart)
    {
        var holds = await _store.LoadAsync(customer);
        var active = holds.FirstOrDefault(h => h.IsActive);
        if (active is null || active.StoreId != store.Id)
            return;
        var reason = active.CartKey != RedemptionMath.CartKey(cart) ? "The cart changed after the points were applied."
            : !await _giftCards.IsAppliedAsync(customer, active) ? "The shopper removed the points' gift card from the cart."
            : active.ExpiresUtc <= Now ? "The hold ran out before the order was placed."
            : null;
        if (reason is null)
            return;
        await BeginReleaseAsync(customer, active, reason);
        await SaveAndQueueAsync(customer, holds);
    }

    /// <summary>
    /// Holds the points and takes their value off the cart; the same points on the same cart keep the hold in
    /// place (a double click, a second tab), other points or another cart replace it (the old one is released).
    /// </summary>
    public async Task<RedemptionState> ApplyAsync(GameballSettings settings, Store store, Customer customer, long points, CancellationToken cancellationToken)
    {
        if (!settings.EnableRedemption || !GameballCredentials.FromSettings(settings).IsComplete)
            return new RedemptionState(RedemptionOutcome.Disabled);
        if (!await _customerService.IsRegisteredAsync(customer))
            return new RedemptionState(RedemptionOutcome.SignInRequired);
        var cart = await CartAsync(customer, store);
        if (cart.Count == 0)
            return new RedemptionState(RedemptionOutcome.EmptyCart);
        var cartKey = RedemptionMath.CartKey(cart);

        RedemptionState? result = null;
        var locked = await WithLockAsync(customer, async () =>
        {
            var holds = await _store.LoadAsync(customer);
            var active = holds.FirstOrDefault(h => h.IsActive);
            if (active is not null && active.StoreId == store.Id && active.CartKey == cartKey && active.Points == points
                && active.ExpiresUtc > Now + ExpiryMargin && await _giftCards.IsAppliedAsync(customer, active))
            {
                result = new RedemptionState(RedemptionOutcome.Ok, Active: active);
                return;
            }

            RedemptionLimits limits;
            try
            {
                limits = await LimitsAsync(settings, customer, cart, holds, cancellationToken);
            }
            catch (GameballApiException e)
            {
                result = new RedemptionState(RedemptionOutcome.GameballUnavailable, ErrorDetail: e.Kind.ToString());
                return;
            }

            if (!limits.Allows(points))
            {
                result = new RedemptionState(RedemptionOutcome.OutOfRange, limits, active);
                return;
            }

            if (active is not null)
                await BeginReleaseAsync(customer, active, "The shopper changed the points applied.");

            var hold = new PointsHold
            {
                HoldId = Guid.NewGuid().ToString("N"),
                StoreId = store.Id,
                Phase = HoldPhase.Holding,
                Points = points,
                CartKey = cartKey,
                CreatedUtc = Now,
                Payload = GameballJson.Serialize(new HoldPointsRequest
                {
                    CustomerId = GameballIdentifiers.CustomerId(customer),
                    Email = string.IsNullOrWhiteSpace(customer.Email) ? null : customer.Email,
                    TransactionTime = Now,
                    PointsToHold = points,
                    IgnoreOtp = true,
                }),
            };
            holds.Add(hold);
            // write-ahead: the hold and its request are saved before the request leaves
            var pass = InlinePass(settings);
            await _runner.RunAsync(hold, _holdHandler, pass, () => _store.SaveAsync(customer, holds), "a points hold", cancellationToken);

            if (hold.Status == SyncStatus.Sent)
            {
                hold.Phase = HoldPhase.Active;
                hold.ExpiresUtc = Now.AddMinutes(Math.Clamp(settings.RedemptionHoldMinutes, 1, GameballDefaults.MaxRedemptionHoldMinutes));
                await _giftCards.IssueAsync(customer, hold);
                result = new RedemptionState(RedemptionOutcome.Ok, Active: hold);
            }
            else
            {
                // never resent: a second send could hold the points twice; a hold that landed unseen runs out at Gameball
                var error = hold.LastError ?? "Gameball did not hold the points.";
                var refused = hold.Status == SyncStatus.Failed;
                hold.MarkSkipped(error);
                hold.Phase = HoldPhase.NotHeld;
                hold.Note = error;
                result = new RedemptionState(refused ? RedemptionOutcome.Refused : RedemptionOutcome.GameballUnavailable);
            }

            await SaveAndQueueAsync(customer, holds);
        }, cancellationToken);
        return locked ? result! : new RedemptionState(RedemptionOutcome.Busy);
    }

    /// <summary>The shopper takes the points off: the card leaves the cart now, the release goes through the outbox.</summary>
    public async Task<RedemptionOutcome> RemoveAsync(Customer customer, string reason, CancellationToken cancellationToken)
    {
        var locked = await WithLockAsync(customer, async () =>
        {
            var holds = await _store.LoadAsync(customer);
            var active = holds.Where(h => h.IsActive).ToList();
            foreach (var hold in active)
                await BeginReleaseAsync(customer, hold, reason);
            if (active.Count > 0)
                await SaveAndQueueAsync(customer, holds);
        }, cancellationToken);
        return locked ? RedemptionOutcome.Ok : RedemptionOutcome.Busy;
    }

    /// <summary>
    /// The cart changed (an item added, removed, its quantity or attributes changed): a hold made for another cart
    /// is released. An emptied cart may be an order being placed (nopCommerce clears the cart before it records the
    /// card's use and publishes the order): the customer's pass looks again shortly after.
    /// </summary>
    public async Task OnCartChangedAsync(Customer customer, int storeId)
    {
        // the common case (no points applied) reads one attribute and nothing else
        var holds = await _store.LoadAsync(customer);
        if (!holds.Any(h => h.IsActive))
            return;
        var store = new Store { Id = storeId };
        var cart = await CartAsync(customer, store);
        if (cart.Count == 0)
        {
            _queue.EnqueueAt(CustomerOutboxSource.Address(customer.Id), Now + RedemptionProcessor.EmptyCartGrace);
            return;
        }

        var key = RedemptionMath.CartKey(cart);
        await WithLockAsync(customer, async () =>
        {
            holds = await _store.LoadAsync(customer);
            var changed = holds.Where(h => h.IsActive && h.StoreId == storeId && h.CartKey != key).ToList();
            foreach (var hold in changed)
                await BeginReleaseAsync(customer, hold, "The cart changed after the points were applied.");
            if (changed.Count > 0)
                await SaveAndQueueAsync(customer, holds);
        }, CancellationToken.None);
    }

    /// <summary>
    /// Before an order is placed (both checkouts' confirm): the hold must still be active at Gameball and made for
    /// this very cart; otherwise its card leaves the cart and the shopper is told, so no order takes points off that
    /// Gameball will not burn. When Gameball cannot be asked, a hold well within its time is trusted (the burn falls
    /// back to burning the same points by number).
    /// </summary>
    public async Task<RedemptionOutcome> CheckBeforePlacingAsync(GameballSettings settings, Store store, Customer customer, CancellationToken cancellationToken)
    {
        var holds = await _store.LoadAsync(customer);
        var active = holds.FirstOrDefault(h => h.IsActive);
        if (active is null)
            return await _giftCards.RemoveForeignCardsAsync(customer, null) ? RedemptionOutcome.HoldEnded : RedemptionOutcome.Ok;

        var outcome = RedemptionOutcome.Ok;
        var locked = await WithLockAsync(customer, async () =>
        {
            holds = await _store.LoadAsync(customer);
            active = holds.FirstOrDefault(h => h.IsActive);
            if (active is null)
                return;
            if (await _giftCards.RemoveForeignCardsAsync(customer, active))
                outcome = RedemptionOutcome.HoldEnded;
            var cart = await CartAsync(customer, store);
            string? reason = null;
            if (active.StoreId != store.Id)
                reason = "The points were applied in another store.";
            else if (active.CartKey != RedemptionMath.CartKey(cart))
                (reason, outcome) = ("The cart changed after the points were applied.", RedemptionOutcome.CartChanged);
            else
            {
                try
                {
                    var details = await _apiClient.GetHoldAsync(GameballCredentials.FromSettings(settings), active.HoldReference!, InlinePass(settings).Policy with { AttemptTimeout = HoldHandler.MaxWait }, cancellationToken);
                    if (!details.IsActive || details.DateToExpire is { } expires && DateTime.SpecifyKind(expires, DateTimeKind.Utc) <= Now + ExpiryMargin)
                        reason = $"Gameball's hold was {details.State ?? "not active"} when the order was confirmed.";
                    else if (details.DateToExpire is { } known)
                        active.ExpiresUtc = DateTime.SpecifyKind(known, DateTimeKind.Utc);
                }
                catch (GameballApiException e) when (e.Kind == GameballErrorKind.NotFound)
                {
                    reason = "Gameball no longer had the hold when the order was confirmed.";
                }
                catch (GameballApiException) when (active.ExpiresUtc > Now + ExpiryMargin + ExpiryMargin)
                {
                    // Gameball cannot be asked; the hold is well within its time
                }
                catch (GameballApiException)
                {
                    reason = "Gameball could not confirm the hold, and it was about to run out.";
                }

                if (reason is not null)
                    outcome = RedemptionOutcome.HoldEnded;
            }

            if (reason is not null)
            {
                if (outcome == RedemptionOutcome.Ok)
                    outcome = RedemptionOutcome.HoldEnded;
                await BeginReleaseAsync(customer, active, reason);
            }

            await SaveAndQueueAsync(customer, holds);
        }, cancellationToken);
        return locked ? outcome : RedemptionOutcome.Busy;
    }

    /// <summary>An order was placed with the hold's card: the points are burned through the outbox (<see cref="PointsHoldEndings.BurnForOrderAsync"/>).</summary>
    public async Task OnOrderPlacedAsync(Order order, Customer customer)
    {
        var holds = await _store.LoadAsync(customer);
        if (!holds.Any(h => h.IsActive))
            return;
        await WithLockAsync(customer, async () =>
        {
            holds = await _store.LoadAsync(customer);
            foreach (var hold in holds.Where(h => h.IsActive).ToList())
            {
                var used = await _giftCards.UsedOnOrderAsync(order, hold);
                if (used > 0)
                    await _endings.BurnForOrderAsync(customer, hold, order, used);
            }

            await SaveAndQueueAsync(customer, holds);
        }, CancellationToken.None);
    }

    private Task BeginReleaseAsync(Customer customer, PointsHold hold, string reason) => _endings.EndAsync(customer, hold, reason);

    private async Task SaveAndQueueAsync(Customer customer, List<PointsHold> holds)
    {
        await _store.SaveAsync(customer, holds);
        if (holds.Any(h => h.OverallStatus == SyncStatus.Pending))
            _queue.Enqueue(CustomerOutboxSource.Address(customer.Id));
    }

    private async Task<RedemptionLimits> LimitsAsync(GameballSettings settings, Customer customer, IList<ShoppingCartItem> cart, List<PointsHold> holds, CancellationToken cancellationToken)
    {
        var active = holds.FirstOrDefault(h => h.IsActive);
        var credentials = GameballCredentials.FromSettings(settings);
        var policy = GameballCallPolicy.Interactive(settings);
        var rules = await _rules.GetOrLoadAsync(settings, async () =>
        {
            var read = await _apiClient.GetRedemptionRulesAsync(credentials, policy, cancellationToken);
            // the point's value from the older configuration endpoint only when the rules leave it out
            var configuration = read.PointValue is > 0 ? null : await _apiClient.GetRedemptionConfigurationAsync(credentials, GameballIdentifiers.CustomerId(customer), policy, cancellationToken);
            return RedemptionRules.From(read, configuration);
        });
        var balance = await _apiClient.GetCustomerBalanceAsync(credentials, GameballIdentifiers.CustomerId(customer), policy, cancellationToken);
        // the points of the hold being replaced come back when it is released; so do those of a release still on
        // its way (the shopper just removed the points): Gameball holds them until it arrives or the hold runs out
        var releasing = holds
            .Where(h => h.Phase == HoldPhase.Releasing && h.Release?.Status != SyncStatus.Sent && h.ExpiresUtc > Now)
            .Sum(h => h.HoldPoints);
        var available = (balance.AvailablePointsBalance ?? 0) + (active?.HoldPoints ?? 0) + releasing;
        return RedemptionMath.Limits(rules, available, await TotalBeforePointsAsync(cart, active));
    }

    /// <summary>The order's total as it would be without the points (the sub-total when shipping is not known yet).</summary>
    private async Task<decimal> TotalBeforePointsAsync(IList<ShoppingCartItem> cart, PointsHold? active)
    {
        var (total, _, _, appliedGiftCards, _, _) = await _orderTotals.GetShoppingCartTotalAsync(cart);
        if (total is { } known)
            return known + (appliedGiftCards ?? []).Where(g => g.GiftCard is not null && g.GiftCard.Id == active?.GiftCardId).Sum(g => g.AmountCanBeUsed);
        var (_, _, _, subTotalWithDiscount, _) = await _orderTotals.GetShoppingCartSubTotalAsync(cart, true);
        return subTotalWithDiscount;
    }

    private async Task<IList<ShoppingCartItem>> CartAsync(Customer customer, Store store) =>
        await _shoppingCartService.GetShoppingCartAsync(customer, ShoppingCartType.ShoppingCart, store.Id);

    private Task<bool> WithLockAsync(Customer customer, Func<Task> action, CancellationToken cancellationToken) =>
        _outbox.UpdateAsync(CustomerOutboxSource.Address(customer.Id), action, cancellationToken);

    /// <summary>The inline send's pass: one attempt, within the shopper's patience.</summary>
    private OutboxPass InlinePass(GameballSettings settings) => new(settings, new OutboxTiming(HoldHandler.MaxWait), Now);
}
