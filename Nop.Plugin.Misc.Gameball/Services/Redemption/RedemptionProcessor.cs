using Nop.Core.Domain.Common;
using Nop.Core.Domain.Customers;
using Nop.Core.Domain.Orders;
using Nop.Core.Domain.Payments;
using Nop.Data;
using Nop.Plugin.Misc.Gameball.Services.Api;
using Nop.Plugin.Misc.Gameball.Services.Api.Models;
using Nop.Plugin.Misc.Gameball.Services.Orders;
using Nop.Plugin.Misc.Gameball.Services.Outbox;
using Nop.Services.Configuration;
using Nop.Services.Orders;

namespace Nop.Plugin.Misc.Gameball.Services.Redemption;

/// <summary>
/// The customer's points holds in the customer's outbox pass (<see cref="Cashback.CustomerOutboxSource"/>): holds
/// left active past their time (abandoned carts) or on an emptied cart are released, a placed order's points are
/// burned, a cancelled, deleted or wholly refunded order's burned points are given back; each step an outbox item
/// sent through <see cref="OutboxRunner"/>, in order (a release before a burn by amount), with the credentials of
/// the store the hold was made in.
/// </summary>
public class RedemptionProcessor
{
    /// <summary>How long after a cart was emptied its hold is looked at again (an order being placed empties it first).</summary>
    public static TimeSpan EmptyCartGrace { get; } = TimeSpan.FromSeconds(30);

    private readonly IRepository<GenericAttribute> _genericAttributeRepository;
    private readonly IOrderService _orderService;
    private readonly ISettingService _settingService;
    private readonly IShoppingCartService _shoppingCartService;
    private readonly HoldStepHandler _handler;
    private readonly OutboxRunner _runner;
    private readonly PointsHoldEndings _endings;
    private readonly RedemptionStore _store;
    private readonly TimeProvider _timeProvider;

    public RedemptionProcessor(IRepository<GenericAttribute> genericAttributeRepository,
        IOrderService orderService,
        ISettingService settingService,
        IShoppingCartService shoppingCartService,
        HoldStepHandler handler,
        OutboxRunner runner,
        PointsHoldEndings endings,
        RedemptionStore store,
        TimeProvider timeProvider)
    {
        _genericAttributeRepository = genericAttributeRepository;
        _orderService = orderService;
        _settingService = settingService;
        _shoppingCartService = shoppingCartService;
        _handler = handler;
        _runner = runner;
        _endings = endings;
        _store = store;
        _timeProvider = timeProvider;
    }

    private DateTime Now => _timeProvider.GetUtcNow().UtcDateTime;

    public async Task<OutboxOutcome> ProcessAsync(Customer customer, bool retryNow, OutboxPass pass, CancellationToken cancellationToken)
    {
        var holds = await _store.LoadAsync(customer);
        if (holds.Count == 0)
            return OutboxOutcome.Nothing;
        if (retryNow)
        {
            foreach (var step in holds.SelectMany(h => h.Steps))
                step.RetryNow();
        }

        Task SaveAsync() => _store.SaveAsync(customer, holds);
        foreach (var hold in holds.ToList())
        {
            await FindWorkAsync(customer, hold);
            if (!hold.Steps.Any(s => s.Status == SyncStatus.Pending))
            {
                Advance(hold);
                continue;
            }

            var settings = hold.StoreId == 0 ? pass.Settings : await _settingService.LoadSettingAsync<GameballSettings>(hold.StoreId);
            var storePass = new OutboxPass(settings, pass.Timing, pass.StartedUtc);
            foreach (var step in hold.Steps.ToList())
            {
                if (step.Status != SyncStatus.Pending)
                    continue;
                await _runner.RunAsync(step, _handler, storePass, SaveAsync, $"{step.Kind} {step.StepId}", cancellationToken);
                if (step.Status != SyncStatus.Sent)
                    break;
            }

            Advance(hold);
        }

        await SaveAsync();
        var status = OutboxList.OverallStatus(holds.SelectMany(h => h.Steps).Where(s => s.Status != SyncStatus.Skipped));
        var due = holds.Select(h => h.NextDueUtc).Where(d => d.HasValue).Min();
        return new OutboxOutcome(status, status == SyncStatus.Pending ? due : null);
    }

    /// <summary>Failed steps get fresh attempts (the admin's retry); false when none had failed.</summary>
    public async Task<bool> ResetFailedAsync(Customer customer)
    {
        var holds = await _store.LoadAsync(customer);
        var failed = holds.SelectMany(h => h.Steps).Where(s => s.Status == SyncStatus.Failed).ToList();
        if (failed.Count == 0)
            return false;
        failed.ForEach(s => s.ResetForRetry());
        await _store.SaveAsync(customer, holds);
        return true;
    }

    /// <summary>Customers with a hold step pending (in backoff, or left in flight by a dead process) and customers whose active hold ran out (abandoned carts).</summary>
    public async Task<IReadOnlyCollection<int>> FindWorkAsync(CancellationToken cancellationToken)
    {
        var group = nameof(Customer);
        var pending = SyncStatus.Pending.ToString();
        var now = OrderSyncStateStore.SortableTime(Now);
        var found = await _genericAttributeRepository.Table
            .Where(a => a.KeyGroup == group && ((a.Key == RedemptionStore.StatusKey && a.Value == pending)
                                                || (a.Key == RedemptionStore.HeldUntilKey && a.Value != "" && string.Compare(a.Value, now) <= 0)))
            .Select(a => a.EntityId)
            .Distinct()
            .ToListAsync();
        cancellationToken.ThrowIfCancellationRequested();
        return found;
    }

    /// <summary>What a hold needs now that nothing on the request path decided: its release after its time or an emptied cart, the return of burned points.</summary>
    private async Task FindWorkAsync(Customer customer, PointsHold hold)
    {
        if (hold.Phase == HoldPhase.Holding && hold.CreatedUtc < Now - TimeSpan.FromMinutes(2))
        {
            // the process stopped between Gameball's answer and its record: nothing of ours holds the points, and a
            // hold that landed runs out at Gameball on its own
            hold.MarkSkipped("The hold's answer was never recorded (the process stopped); Gameball expires any hold that landed.");
            hold.Phase = HoldPhase.NotHeld;
            return;
        }

        if (hold.IsActive)
        {
            if (hold.ExpiresUtc <= Now)
                await BeginReleaseAsync(customer, hold, "The cart was left with the points applied until the hold ran out.");
            else if ((await _shoppingCartService.GetShoppingCartAsync(customer, ShoppingCartType.ShoppingCart, hold.StoreId)).Count == 0)
                await BeginReleaseAsync(customer, hold, "The cart was emptied.");
            return;
        }

        if (hold.OrderId is not { } orderId || hold.Burn is not { } burn || hold.Return is not null || hold.CreatedUtc < Now - OrderOutboxSource.ReversalLookback)
            return;
        var order = await _orderService.GetOrderByIdAsync(orderId);
        if (order is not null && !IsReversed(order))
            return;

        if (burn.Status == SyncStatus.Pending && burn.Attempts == 0 && !burn.NeedsSettling)
        {
            // reversed before the burn left: nothing to burn, and the hold (if still there) goes back
            burn.MarkSkipped("The order was cancelled, deleted or refunded before its points were burned.");
            if (burn.HoldReference is not null)
                hold.Release ??= _endings.NewRelease(hold);
            hold.Phase = HoldPhase.Releasing;
            hold.Note = burn.LastError;
            return;
        }

        hold.Return = new HoldStep
        {
            Step = HoldStepKind.Return,
            StepId = RedemptionMath.ReturnTransactionId(burn.StepId),
            CreatedUtc = Now,
            Payload = GameballJson.Serialize(new RefundRequest
            {
                CustomerId = GameballIdentifiers.CustomerId(customer),
                RefundTransactionId = RedemptionMath.ReturnTransactionId(burn.StepId),
                ReverseTransactionId = burn.StepId,
                TransactionTime = Now,
            }),
        };
        hold.Note = order is null || order.Deleted ? "The order was deleted." : order.OrderStatus == OrderStatus.Cancelled ? "The order was cancelled." : "The order was refunded.";
    }

    private Task BeginReleaseAsync(Customer customer, PointsHold hold, string reason) => _endings.EndAsync(customer, hold, reason);

    /// <summary>A hold's phase once its steps are done.</summary>
    private static void Advance(PointsHold hold)
    {
        if (hold.Return?.Status == SyncStatus.Sent)
            hold.Phase = HoldPhase.Returned;
        else if (hold.Burn?.Status == SyncStatus.Sent)
            hold.Phase = HoldPhase.Burned;
        else if (hold.Phase == HoldPhase.Releasing && hold.Release?.Status == SyncStatus.Sent)
            hold.Phase = HoldPhase.Released;
    }

    /// <summary>Cancelled, deleted or wholly refunded: Gameball's refund rules give the burned points back.</summary>
    internal static bool IsReversed(Order order) => order.Deleted || order.OrderStatus == OrderStatus.Cancelled
        || order.PaymentStatus == PaymentStatus.Refunded || order.OrderTotal > 0 && order.RefundedAmount >= order.OrderTotal;
}
