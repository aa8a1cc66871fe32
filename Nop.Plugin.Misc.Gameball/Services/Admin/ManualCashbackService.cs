using System.Globalization;
using Nop.Core.Domain.Customers;
using Nop.Plugin.Misc.Gameball.Models;
using Nop.Plugin.Misc.Gameball.Services.Api;
using Nop.Plugin.Misc.Gameball.Services.Api.Models;
using Nop.Plugin.Misc.Gameball.Services.Orders;
using Nop.Plugin.Misc.Gameball.Validators;
using Nop.Services.Configuration;
using Nop.Services.Customers;
using Nop.Services.Localization;
using Nop.Services.Logging;

namespace Nop.Plugin.Misc.Gameball.Services.Admin;

/// <summary>
/// Cashback for non-order actions, awarded by an admin: Gameball turns the amount into points under the
/// store's cashback program. The transaction id comes from the form's token, so a double-click or a retry
/// of the same form is one award. Every award goes to nopCommerce's activity log with the admin and reason.
/// </summary>
public class ManualCashbackService
{
    public const string ActivityKeyword = "Gameball.ManualCashback";

    private readonly IGameballApiClient _apiClient;
    private readonly ICustomerActivityService _customerActivityService;
    private readonly ICustomerService _customerService;
    private readonly ILocalizationService _localizationService;
    private readonly ISettingService _settingService;
    private readonly TimeProvider _timeProvider;

    public ManualCashbackService(IGameballApiClient apiClient,
        ICustomerActivityService customerActivityService,
        ICustomerService customerService,
        ILocalizationService localizationService,
        ISettingService settingService,
        TimeProvider timeProvider)
    {
        _apiClient = apiClient;
        _customerActivityService = customerActivityService;
        _customerService = customerService;
        _localizationService = localizationService;
        _settingService = settingService;
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

        var request = new CashbackRequest
        {
            CustomerId = GameballIdentifiers.CustomerId(customer),
            Email = string.IsNullOrWhiteSpace(customer.Email) ? null : customer.Email,
            TransactionId = TransactionId(customer, model.AwardToken),
            TransactionTime = _timeProvider.GetUtcNow().UtcDateTime,
            Amount = model.Amount,
        };
        try
        {
            var response = await _apiClient.CashbackAsync(GameballCredentials.FromSettings(settings), request, GameballCallPolicy.Background(settings), cancellationToken);
            var points = response.RewardEquivalentPoints ?? 0;
            await _customerActivityService.InsertActivityAsync(ActivityKeyword,
                string.Format(CultureInfo.InvariantCulture, await _localizationService.GetResourceAsync("Plugins.Misc.Gameball.Cashback.Activity"),
                    model.Amount, points, customer.Email, model.Reason, request.TransactionId),
                customer);
            return new CashbackAwardResult(true,
                string.Format(CultureInfo.InvariantCulture, await _localizationService.GetResourceAsync("Plugins.Misc.Gameball.Cashback.Awarded"), points, model.Amount), points);
        }
        catch (GameballApiException e) when (e.Kind == GameballErrorKind.AlreadyApplied)
        {
            return new CashbackAwardResult(true, await _localizationService.GetResourceAsync("Plugins.Misc.Gameball.Cashback.AlreadyAwarded"));
        }
        catch (GameballApiException e)
        {
            return new CashbackAwardResult(false,
                string.Format(CultureInfo.InvariantCulture, await _localizationService.GetResourceAsync("Plugins.Misc.Gameball.Cashback.Refused"), e.Message));
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
