using Nop.Core.Domain.Customers;
using Nop.Core.Domain.Payments;
using Nop.Plugin.Misc.Gameball.Services.Outbox;
using Nop.Services.Configuration;
using Nop.Services.Orders;

namespace Nop.Plugin.Misc.Gameball.Services.Actions;

/// <summary>
/// One pass over a customer's non-order actions, inside the customer's outbox pass (under its lock):
/// reconciles what stands in nopCommerce's database with what was decided before (a new occurrence
/// becomes an item, written before it is sent; an undone one gets its cashback reversed, once), then
/// hands every due item to <see cref="OutboxRunner"/>. Each occurrence is decided once, by the rules of
/// the store it happened in at that moment.
/// </summary>
public class ActionRewardProcessor
{
    private readonly IOrderService _orderService;
    private readonly ISettingService _settingService;
    private readonly ActionOccurrenceFinder _finder;
    private readonly ActionRewardStore _store;
    private readonly ActionRewardHandler _handler;
    private readonly OutboxRunner _runner;
    private readonly TimeProvider _timeProvider;

    public ActionRewardProcessor(IOrderService orderService,
        ISettingService settingService,
        ActionOccurrenceFinder finder,
        ActionRewardStore store,
        ActionRewardHandler handler,
        OutboxRunner runner,
        TimeProvider timeProvider)
    {
        _orderService = orderService;
        _settingService = settingService;
        _finder = finder;
        _store = store;
        _handler = handler;
        _runner = runner;
        _timeProvider = timeProvider;
    }

    private DateTime Now => _timeProvider.GetUtcNow().UtcDateTime;

    public async Task<OutboxOutcome> ProcessAsync(Customer customer, bool retryNow, OutboxPass pass, CancellationToken cancellationToken)
    {
        var rewards = await _store.LoadAsync(customer);
        if (retryNow)
            rewards.ForEach(r => r.RetryNow());
        var settingsByStore = new Dictionary<int, GameballSettings>();
        async Task<GameballSettings> SettingsOf(int storeId)
        {
            if (!settingsByStore.TryGetValue(storeId, out var settings))
                settingsByStore[storeId] = settings = await _settingService.LoadSettingAsync<GameballSettings>(storeId);
            return settings;
        }

        var checkedUtc = Now;
        await ReconcileAsync(customer, rewards, SettingsOf, checkedUtc);
        Task SaveAsync() => _store.SaveAsync(customer, rewards);
        await SaveAsync();

        foreach (var reward in rewards.Where(r => r.Status == SyncStatus.Pending).ToList())
        {
            // the store the action happened in decided the reward; its keys send it
            var storePass = reward.StoreId == customer.RegisteredInStoreId ? pass : new OutboxPass(await SettingsOf(reward.StoreId), pass.Timing, pass.StartedUtc);
            await _runner.RunAsync(reward, _handler, storePass, SaveAsync, $"the {reward.Action} reward {reward.TransactionId}", cancellationToken);
        }

        await SaveAsync();
        await _store.SaveCheckedAsync(customer, checkedUtc);
        if (rewards.Count == 0)
            return OutboxOutcome.Nothing;
        var status = ActionRewardStore.OverallStatus(rewards);
        var due = rewards.Select(r => r.DueUtc).Where(d => d.HasValue).Min();
        return new OutboxOutcome(status, status == SyncStatus.Pending ? due : null);
    }

    private async Task ReconcileAsync(Customer customer, List<ActionReward> rewards, Func<int, Task<GameballSettings>> settingsOf, DateTime nowUtc)
    {
        var standing = await _finder.FindAsync(customer, nowUtc);
        var decided = rewards.Select(r => r.OccurrenceKey).ToHashSet();
        foreach (var occurrence in standing.Where(o => !decided.Contains(o.Key)).OrderBy(o => o.OccurredUtc))
        {
            var settings = await settingsOf(occurrence.StoreId);
            var rule = ActionRules.For(settings, occurrence.Action);
            if (!rule.Covers(occurrence.OccurredUtc))
                continue;
            var refusal = await LimitReachedAsync(customer, occurrence, settings, rewards);
            rewards.Add(refusal is null
                ? ActionRequestMapper.Reward(customer, occurrence, rule, nowUtc)
                : ActionRequestMapper.NotRewarded(occurrence, rule, refusal, nowUtc));
        }

        var standingKeys = standing.Select(o => o.Key).ToHashSet();
        foreach (var reward in rewards.Where(r => r.Step != ActionRewardStep.Reversal && IsUndone(r, customer, standingKeys)).ToList())
        {
            if (rewards.Any(r => r.Step == ActionRewardStep.Reversal && r.OccurrenceKey == reward.OccurrenceKey))
                continue;
            if (reward.Status == SyncStatus.Sent && reward.Step == ActionRewardStep.Cashback)
                rewards.Add(ActionRequestMapper.Reversal(customer, reward, nowUtc));
            else if (reward.Status is SyncStatus.Pending or SyncStatus.Failed && !reward.NeedsSettling)
                reward.MarkSkipped("The action was undone in the store before Gameball had it.");
            // otherwise it may have landed: once it is settled, the next pass reverses it
        }
    }

    /// <summary>
    /// Undone: a review or comment that was deleted or unapproved, or an account that was deleted. A
    /// newsletter unsubscription or a past birthday undoes nothing.
    /// </summary>
    private static bool IsUndone(ActionReward reward, Customer customer, IReadOnlySet<string> standingKeys) =>
        reward.Status != SyncStatus.Skipped
        && (customer.Deleted || (reward.Action is GameballAction.Review or GameballAction.BlogComment or GameballAction.NewsComment && !standingKeys.Contains(reward.OccurrenceKey)));

    /// <summary>Null when the occurrence may earn; otherwise why it does not (a review beyond the day's limit, of a product not bought).</summary>
    private async Task<string?> LimitReachedAsync(Customer customer, ActionOccurrence occurrence, GameballSettings settings, IReadOnlyCollection<ActionReward> rewards)
    {
        if (occurrence.Action != GameballAction.Review)
            return null;
        var sameDay = rewards.Count(r => r.Action == GameballAction.Review && r.Step != ActionRewardStep.Reversal && r.Status != SyncStatus.Skipped
            && r.OccurredUtc.Date == occurrence.OccurredUtc.Date);
        if (sameDay >= settings.MaxReviewRewardsPerDay)
            return $"More than {settings.MaxReviewRewardsPerDay} reviews of this customer on {occurrence.OccurredUtc:yyyy-MM-dd} earn nothing.";
        if (settings.RewardReviewsOfPurchasedProductsOnly && occurrence.ProductId is { } productId)
        {
            // one COUNT over the customer's paid orders of the product, as nopCommerce's own "reviews only after purchasing" asks
            var paid = await _orderService.SearchOrdersAsync(customerId: customer.Id, productId: productId, psIds: [(int)PaymentStatus.Paid], pageSize: 1, getOnlyTotalCount: true);
            if (paid.TotalCount == 0)
                return "A review of a product the customer has not bought earns nothing.";
        }

        return null;
    }
}
