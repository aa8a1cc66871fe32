using System.Globalization;
using Nop.Core;
using Nop.Core.Domain.Customers;
using Nop.Plugin.Misc.Gameball.Models;
using Nop.Plugin.Misc.Gameball.Services.Api;
using Nop.Plugin.Misc.Gameball.Services.Api.Models;
using Nop.Plugin.Misc.Gameball.Services.Cashback;
using Nop.Plugin.Misc.Gameball.Services.Orders;
using Nop.Plugin.Misc.Gameball.Services.Outbox;
using Nop.Plugin.Misc.Gameball.Validators;
using Nop.Services.Configuration;
using Nop.Services.Customers;
using Nop.Services.Localization;

namespace Nop.Plugin.Misc.Gameball.Services.Admin;

/// <summary>
/// Cashback for non-order actions, awarded by an admin: Gameball turns the amount into points under the
/// store's cashback program. The award goes through the outbox: it is saved on the customer (transaction
/// id from the form's token, request fixed) before anything is sent, then sent at once; if Gameball does
/// not answer it stays queued and the dispatcher sends it later, so an award is never lost, and a
/// double-click or a resubmit of the same form is the same award, never a second one. Every award goes to
/// nopCommerce's activity log with the admin and reason once Gameball has it.
/// </summary>
public class ManualCashbackService
{
    public const string ActivityKeyword = CustomerOutboxSource.ActivityKeyword;

    private readonly IGameballApiClient _apiClient;
    private readonly ICustomerService _customerService;
    private readonly ILocalizationService _localizationService;
    private readonly ISettingService _settingService;
    private readonly IWorkContext _workContext;
    private readonly CashbackAwardStore _awardStore;
    private readonly OutboxProcessor _outbox;
    private readonly TimeProvider _timeProvider;

    public ManualCashbackService(IGameballApiClient apiClient,
        ICustomerService customerService,
        ILocalizationService localizationService,
        ISettingService settingService,
        IWorkContext workContext,
        CashbackAwardStore awardStore,
        OutboxProcessor outbox,
        TimeProvider timeProvider)
    {
        _apiClient = apiClient;
        _customerService = customerService;
        _localizationService = localizationService;
        _settingService = settingService;
        _workContext = workContext;
        _awardStore = awardStore;
        _outbox = outbox;
        _timeProvider = timeProvider;
    }

    public static string TransactionId(Customer customer, Guid awardToken) =>
        $"nop-cashback-{GameballIdentifiers.CustomerId(customer)}-{awardToken:N}";

    /// <summary>Null when cashback can be awarded to the customer; otherwise the reason in the admin's words.</summary>
    public async Task<string?> CannotAwardReasonAsync(Customer? customer)
    {
        if (customer is null || customer.Deleted)
            return await _localizationService.GetResourceAsync("Plugins.Misc.Gameball.Cashback.NoCustomer");
        if (!await _customerService.IsRegisteredAsync(customer))
            return await _localizationService.GetResourceAsync("Plugins.Misc.Gameball.Cashback.Guest");
        return null;
    }

    public async Task<CashbackAwardResult> AwardAsync(AwardCashbackModel model, CancellationToken cancellationToken)
    {
        // checked here too, not only by MVC's model validation: this is where real money is decided
        var validation = await new AwardCashbackValidator(_localizationService).ValidateAsync(model, cancellationToken);
        if (!validation.IsValid)
            return new CashbackAwardResult(false, string.Join(" ", validation.Errors.Select(e => e.ErrorMessage).Distinct()));

        var customer = await _customerService.GetCustomerByIdAsync(model.CustomerId);
        if (await CannotAwardReasonAsync(customer) is { } reason)
            return new CashbackAwardResult(false, reason);

        var settings = await _settingService.LoadSettingAsync<GameballSettings>(customer!.RegisteredInStoreId);
        if (!settings.EnableManualCashback)
            return new CashbackAwardResult(false, await _localizationService.GetResourceAsync("Plugins.Misc.Gameball.Cashback.Disabled"));

        var admin = await _workContext.GetCurrentCustomerAsync();
        var transactionId = TransactionId(customer, model.AwardToken);
        var address = CustomerOutboxSource.Address(customer.Id);
        SyncStatus? before = null;
        var recorded = await _outbox.UpdateAsync(address, async () => before = await RecordAsync(customer, model, transactionId, admin), cancellationToken);
        // a resubmit of the same form is the admin's retry: a failed award gets fresh attempts, a queued one is sent now
        if (recorded && before != SyncStatus.Sent)
            await _outbox.ProcessAsync(address, retryNow: before is not null, cancellationToken);

        var award = await AwaitSendAsync(customer, transactionId, cancellationToken);
        return await AnswerAsync(award, alreadySent: before == SyncStatus.Sent, model.Amount);
    }

    /// <summary>The award as it stands once no send of it is under way (a double-click's other request may be sending it).</summary>
    private async Task<ManualCashbackAward?> AwaitSendAsync(Customer customer, string transactionId, CancellationToken cancellationToken)
    {
        var award = (await _awardStore.LoadAsync(customer)).FirstOrDefault(a => a.TransactionId == transactionId);
        for (var wait = 0; wait < 40 && award?.InFlightSinceUtc is not null && award.IsInFlightElsewhere(_timeProvider.GetUtcNow().UtcDateTime); wait++)
        {
            await Task.Delay(TimeSpan.FromMilliseconds(250), _timeProvider, cancellationToken);
            award = (await _awardStore.LoadAsync(customer)).FirstOrDefault(a => a.TransactionId == transactionId);
        }

        return award;
    }

    /// <summary>
    /// Write-ahead: the award and its request are in the database before anything is sent. Returns the
    /// status the award had when this form was submitted before, null when it is new.
    /// </summary>
    private async Task<SyncStatus?> RecordAsync(Customer customer, AwardCashbackModel model, string transactionId, Customer? admin)
    {
        var awards = await _awardStore.LoadAsync(customer);
        if (awards.FirstOrDefault(a => a.TransactionId == transactionId) is { } existing)
            return existing.Status;

        var now = _timeProvider.GetUtcNow().UtcDateTime;
        var request = new CashbackRequest
        {
            CustomerId = GameballIdentifiers.CustomerId(customer),
            Email = string.IsNullOrWhiteSpace(customer.Email) ? null : customer.Email,
            TransactionId = transactionId,
            TransactionTime = now,
            Amount = model.Amount,
        };
        awards.Add(new ManualCashbackAward
        {
            TransactionId = transactionId,
            Amount = model.Amount,
            Reason = model.Reason,
            AwardedByCustomerId = admin?.Id ?? 0,
            RequestedUtc = now,
            Payload = GameballJson.Serialize(request),
        });
        await _awardStore.SaveAsync(customer, awards);
        return null;
    }

    private async Task<CashbackAwardResult> AnswerAsync(ManualCashbackAward? award, bool alreadySent, decimal amount)
    {
        switch (award?.Status)
        {
            case SyncStatus.Sent when !alreadySent:
                var points = award.ShownPoints;
                return new CashbackAwardResult(true, string.Format(CultureInfo.InvariantCulture,
                    await _localizationService.GetResourceAsync("Plugins.Misc.Gameball.Cashback.Awarded"), points, amount), points);
            case SyncStatus.Sent:
                return new CashbackAwardResult(true, await _localizationService.GetResourceAsync("Plugins.Misc.Gameball.Cashback.AlreadyAwarded"));
            case SyncStatus.Failed:
                return new CashbackAwardResult(false, string.Format(CultureInfo.InvariantCulture,
                    await _localizationService.GetResourceAsync("Plugins.Misc.Gameball.Cashback.Refused"), award.LastError));
            default:
                // queued: Gameball did not answer (or the keys are wrong); the dispatcher sends it, nothing is lost
                return new CashbackAwardResult(true, string.Format(CultureInfo.InvariantCulture,
                    await _localizationService.GetResourceAsync("Plugins.Misc.Gameball.Cashback.Pending"), amount, award?.LastError), Pending: true);
        }
    }

    public async Task<CustomerBalanceResult> BalanceAsync(Customer customer, CancellationToken cancellationToken)
    {
        var settings = await _settingService.LoadSettingAsync<GameballSettings>(customer.RegisteredInStoreId);
        try
        {
            var balance = await _apiClient.GetCustomerBalanceAsync(GameballCredentials.FromSettings(settings), GameballIdentifiers.CustomerId(customer),
                GameballCallPolicy.Interactive(settings) with { AttemptTimeout = TimeSpan.FromSeconds(Math.Clamp(settings.RequestTimeout, 1, 10)) }, cancellationToken);
            return new CustomerBalanceResult(true, string.Format(CultureInfo.InvariantCulture, await _localizationService.GetResourceAsync("Plugins.Misc.Gameball.Cashback.Balance"),
                balance.AvailablePointsBalance ?? 0, balance.PointsName ?? "points", balance.AvailablePointsValue ?? 0, balance.Currency ?? string.Empty, balance.PendingPoints ?? 0));
        }
        catch (GameballApiException e) when (e.Kind == GameballErrorKind.NotFound)
        {
            return new CustomerBalanceResult(true, await _localizationService.GetResourceAsync("Plugins.Misc.Gameball.Cashback.NoBalanceYet"));
        }
        catch (GameballApiException e)
        {
            return new CustomerBalanceResult(false, string.Format(CultureInfo.InvariantCulture,
                await _localizationService.GetResourceAsync("Plugins.Misc.Gameball.Cashback.BalanceFailed"), e.Message));
        }
    }
}
