using System.Globalization;
using Nop.Core.Domain.Common;
using Nop.Core.Domain.Customers;
using Nop.Data;
using Nop.Plugin.Misc.Gameball.Services.Actions;
using Nop.Plugin.Misc.Gameball.Services.Outbox;
using Nop.Plugin.Misc.Gameball.Services.Profiles;
using Nop.Plugin.Misc.Gameball.Services.Redemption;
using Nop.Services.Configuration;
using Nop.Services.Customers;
using Nop.Services.Localization;
using Nop.Services.Logging;

namespace Nop.Plugin.Misc.Gameball.Services.Cashback;

/// <summary>
/// Customers as outbox work, one pass for everything kept on a customer: the cashback awards an admin
/// made (sent in the order they were made; an acknowledged award goes to nopCommerce's activity log
/// once, in the name of the admin who made it, whichever process sent it), then the rewards of the
/// customer's non-order actions (<see cref="ActionRewardProcessor"/>), then their profile
/// (<see cref="CustomerProfileProcessor"/>). A customer erased in the store gets their erasure and nothing else.
/// </summary>
public class CustomerOutboxSource : IOutboxSource
{
    public const string ActivityKeyword = "Gameball.ManualCashback";

    private readonly IRepository<GenericAttribute> _genericAttributeRepository;
    private readonly ICustomerActivityService _customerActivityService;
    private readonly ICustomerService _customerService;
    private readonly ILocalizationService _localizationService;
    private readonly ISettingService _settingService;
    private readonly CashbackAwardStore _awardStore;
    private readonly ManualCashbackHandler _handler;
    private readonly OutboxRunner _runner;
    private readonly ActionRewardProcessor _actions;
    private readonly ActionRewardStore _actionStore;
    private readonly ActionSweepFinder _actionSweepFinder;
    private readonly CustomerProfileProcessor _profiles;
    private readonly RedemptionProcessor _redemption;

    public CustomerOutboxSource(IRepository<GenericAttribute> genericAttributeRepository,
        ICustomerActivityService customerActivityService,
        ICustomerService customerService,
        ILocalizationService localizationService,
        ISettingService settingService,
        CashbackAwardStore awardStore,
        ManualCashbackHandler handler,
        OutboxRunner runner,
        ActionRewardProcessor actions,
        ActionRewardStore actionStore,
        ActionSweepFinder actionSweepFinder,
        CustomerProfileProcessor profiles,
        RedemptionProcessor redemption)
    {
        _redemption = redemption;
        _profiles = profiles;
        _actions = actions;
        _actionStore = actionStore;
        _actionSweepFinder = actionSweepFinder;
        _genericAttributeRepository = genericAttributeRepository;
        _customerActivityService = customerActivityService;
        _customerService = customerService;
        _localizationService = localizationService;
        _settingService = settingService;
        _awardStore = awardStore;
        _handler = handler;
        _runner = runner;
    }

    public const string Group = nameof(Customer);

    public static OutboxAddress Address(int customerId) => new(Group, customerId);

    public string EntityGroup => Group;

    public string LockKey(int entityId) => "Nop.Plugin.Misc.Gameball.Outbox.Customer." + entityId.ToString(CultureInfo.InvariantCulture);

    public async Task<GameballSettings?> SettingsOfAsync(int entityId)
    {
        var customer = await _customerService.GetCustomerByIdAsync(entityId);
        return customer is null ? null : await _settingService.LoadSettingAsync<GameballSettings>(customer.RegisteredInStoreId);
    }

    public async Task<OutboxOutcome> ProcessAsync(int entityId, bool retryNow, OutboxPass pass, CancellationToken cancellationToken)
    {
        var customer = await _customerService.GetCustomerByIdAsync(entityId);
        if (customer is null)
            return OutboxOutcome.Nothing;
        if (await _profiles.IsErasedAsync(customer))
            return await _profiles.ProcessAsync(customer, retryNow, pass, cancellationToken, erased: true);
        var awards = await _awardStore.LoadAsync(customer);
        if (retryNow)
            awards.ForEach(a => a.RetryNow());

        Task SaveAsync() => _awardStore.SaveAsync(customer, awards);
        foreach (var award in awards.Where(a => a.Status == SyncStatus.Pending).ToList())
        {
            await _runner.RunAsync(award, _handler, pass, SaveAsync, $"the cashback award {award.TransactionId}", cancellationToken);
            if (award.Status == SyncStatus.Sent && !award.Logged)
                await LogAsync(customer, award);
        }

        if (awards.Count > 0)
            await SaveAsync();
        var actions = await _actions.ProcessAsync(customer, retryNow, pass, cancellationToken);
        var profile = await _profiles.ProcessAsync(customer, retryNow, pass, cancellationToken, erased: false);
        var redemption = await _redemption.ProcessAsync(customer, retryNow, pass, cancellationToken);
        var work = Combine(Combine(actions, profile), redemption);
        if (awards.Count == 0)
            return work;
        var status = CashbackAwardStore.OverallStatus(awards);
        var due = awards.Select(a => a.DueUtc).Where(d => d.HasValue).Min();
        return Combine(new OutboxOutcome(status, status == SyncStatus.Pending ? due : null), work);
    }

    /// <summary>Pending while either part is, failed while either is; due at the earlier of the two.</summary>
    private static OutboxOutcome Combine(OutboxOutcome first, OutboxOutcome second)
    {
        if (second.Status == SyncStatus.Skipped)
            return first;
        if (first.Status == SyncStatus.Skipped)
            return second;
        var status = first.Status == SyncStatus.Pending || second.Status == SyncStatus.Pending ? SyncStatus.Pending
            : first.Status == SyncStatus.Failed || second.Status == SyncStatus.Failed ? SyncStatus.Failed
            : SyncStatus.Sent;
        var due = new[] { first.RetryAtUtc, second.RetryAtUtc }.Where(d => d.HasValue).Min();
        return new OutboxOutcome(status, status == SyncStatus.Pending ? due : null);
    }

    private async Task LogAsync(Customer customer, ManualCashbackAward award)
    {
        var admin = await _customerService.GetCustomerByIdAsync(award.AwardedByCustomerId);
        var comment = string.Format(CultureInfo.InvariantCulture, await _localizationService.GetResourceAsync("Plugins.Misc.Gameball.Cashback.Activity"),
            award.Amount, award.ShownPoints, customer.Email, award.Reason, award.TransactionId);
        if (admin is null)
            await _customerActivityService.InsertActivityAsync(ActivityKeyword, comment, customer);
        else
            await _customerActivityService.InsertActivityAsync(admin, ActivityKeyword, comment, customer);
        award.Logged = true;
    }

    public async Task<bool> ResetFailedAsync(int entityId)
    {
        var customer = await _customerService.GetCustomerByIdAsync(entityId);
        if (customer is null)
            return false;
        var awards = await _awardStore.LoadAsync(customer);
        var awardsFailed = awards.Any(a => a.Status == SyncStatus.Failed);
        if (awardsFailed)
        {
            awards.ForEach(a => a.ResetForRetry());
            await _awardStore.SaveAsync(customer, awards);
        }

        var rewards = await _actionStore.LoadAsync(customer);
        var rewardsFailed = rewards.Any(r => r.Status == SyncStatus.Failed);
        if (rewardsFailed)
        {
            rewards.ForEach(r => r.ResetForRetry());
            await _actionStore.SaveAsync(customer, rewards);
        }

        var profileFailed = await _profiles.ResetFailedAsync(customer);
        var holdsFailed = await _redemption.ResetFailedAsync(customer);
        return awardsFailed || rewardsFailed || profileFailed || holdsFailed;
    }

    public async Task<IReadOnlyCollection<int>> FindWorkAsync(CancellationToken cancellationToken)
    {
        var pending = SyncStatus.Pending.ToString();
        var withPendingWork = await _genericAttributeRepository.Table
            .Where(a => a.KeyGroup == Group && (a.Key == CashbackAwardStore.StatusKey || a.Key == ActionRewardStore.StatusKey || a.Key == ProfileStore.StatusKey) && a.Value == pending)
            .Select(a => a.EntityId)
            .ToListAsync();
        return withPendingWork.Union(await _actionSweepFinder.FindAsync(cancellationToken)).Union(await _redemption.FindWorkAsync(cancellationToken)).ToList();
    }
}
