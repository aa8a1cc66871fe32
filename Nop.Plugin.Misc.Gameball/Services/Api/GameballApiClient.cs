using Nop.Plugin.Misc.Gameball.Services.Api.Models;

namespace Nop.Plugin.Misc.Gameball.Services.Api;

/// <summary>
/// Gameball's endpoints as typed operations over <see cref="GameballHttpClient"/>.
/// </summary>
public class GameballApiClient : IGameballApiClient
{
    /// <summary>A customer id no store uses: asking for its balance checks the keys and changes nothing.</summary>
    internal const string ConnectionProbeCustomerId = "nopcommerce-gameball-connection-check";

    private readonly GameballHttpClient _http;

    public GameballApiClient(GameballHttpClient http)
    {
        _http = http;
    }

    public Task<TrackOrderResponse> TrackOrderAsync(GameballCredentials credentials, TrackOrderRequest request, GameballCallPolicy policy, CancellationToken cancellationToken) =>
        Post<TrackOrderResponse>(GameballOperation.TrackOrder, credentials, request, policy, cancellationToken);

    public Task<CalculateCashbackResponse> CalculateCashbackAsync(GameballCredentials credentials, CalculateCashbackRequest request, GameballCallPolicy policy, CancellationToken cancellationToken) =>
        Post<CalculateCashbackResponse>(GameballOperation.CalculateCashback, credentials, request, policy, cancellationToken);

    public Task<RewardPreviewResponse> PreviewRewardsAsync(GameballCredentials credentials, RewardPreviewRequest request, GameballCallPolicy policy, CancellationToken cancellationToken) =>
        Post<RewardPreviewResponse>(GameballOperation.RewardPreview, credentials, request, policy, cancellationToken);

    public Task<OrderTransactionsResponse> GetOrderTransactionsAsync(GameballCredentials credentials, string orderId, GameballCallPolicy policy, CancellationToken cancellationToken) =>
        Get<OrderTransactionsResponse>(GameballOperation.OrderTransactions, credentials, orderId, policy, cancellationToken);

    public Task<RefundResponse> RefundAsync(GameballCredentials credentials, RefundRequest request, GameballCallPolicy policy, CancellationToken cancellationToken) =>
        Post<RefundResponse>(GameballOperation.Refund, credentials, request, policy, cancellationToken);

    public Task<TransactionsPage> GetCustomerTransactionsAsync(GameballCredentials credentials, string customerId, string startAfter, int limit, GameballCallPolicy policy,
        CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(customerId))
            throw new ArgumentException("A customer id is required.", nameof(customerId));
        var operation = GameballOperation.CustomerTransactions;
        var path = operation.BuildPath(customerId, limit.ToString(System.Globalization.CultureInfo.InvariantCulture), startAfter);
        return _http.SendAsync<TransactionsPage>(operation, credentials, path, null, policy, cancellationToken);
    }

    public Task<CashbackResponse> CashbackAsync(GameballCredentials credentials, CashbackRequest request, GameballCallPolicy policy, CancellationToken cancellationToken) =>
        Post<CashbackResponse>(GameballOperation.Cashback, credentials, request, policy, cancellationToken);

    public Task<EventsResponse> SendEventsAsync(GameballCredentials credentials, EventsRequest request, GameballCallPolicy policy, CancellationToken cancellationToken) =>
        Post<EventsResponse>(GameballOperation.SendEvents, credentials, request, policy, cancellationToken);

    public Task<UpsertCustomerResponse> UpsertCustomerAsync(GameballCredentials credentials, UpsertCustomerRequest request, GameballCallPolicy policy, CancellationToken cancellationToken) =>
        Post<UpsertCustomerResponse>(GameballOperation.UpsertCustomer, credentials, request, policy, cancellationToken);

    public Task DeleteCustomerAsync(GameballCredentials credentials, string customerId, GameballCallPolicy policy, CancellationToken cancellationToken) =>
        Get<NoContentResponse>(GameballOperation.DeleteCustomer, credentials, customerId, policy, cancellationToken);

    public Task<ReferralValidationResponse> ValidateReferrerCodeAsync(GameballCredentials credentials, string referrerCode, string forCustomerId, GameballCallPolicy policy,
        CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(referrerCode) || string.IsNullOrWhiteSpace(forCustomerId))
            throw new ArgumentException("A referral code and a customer id are required.");
        return _http.SendAsync<ReferralValidationResponse>(GameballOperation.ValidateReferrerCode, credentials,
            GameballOperation.ValidateReferrerCode.BuildPath(referrerCode, forCustomerId), null, policy, cancellationToken);
    }

    public Task<CustomerBalanceResponse> GetCustomerBalanceAsync(GameballCredentials credentials, string customerId, GameballCallPolicy policy, CancellationToken cancellationToken) =>
        Get<CustomerBalanceResponse>(GameballOperation.CustomerBalance, credentials, customerId, policy, cancellationToken);

    public Task<HoldPointsResponse> HoldPointsAsync(GameballCredentials credentials, HoldPointsRequest request, GameballCallPolicy policy, CancellationToken cancellationToken) =>
        Post<HoldPointsResponse>(GameballOperation.HoldPoints, credentials, request, policy, cancellationToken);

    public Task<HoldDetailsResponse> GetHoldAsync(GameballCredentials credentials, string holdReference, GameballCallPolicy policy, CancellationToken cancellationToken) =>
        Get<HoldDetailsResponse>(GameballOperation.GetHold, credentials, holdReference, policy, cancellationToken);

    public Task<ReleaseHoldResponse> ReleaseHoldAsync(GameballCredentials credentials, string holdReference, GameballCallPolicy policy, CancellationToken cancellationToken) =>
        Get<ReleaseHoldResponse>(GameballOperation.ReleaseHold, credentials, holdReference, policy, cancellationToken);

    public Task<RedeemResponse> RedeemAsync(GameballCredentials credentials, RedeemRequest request, GameballCallPolicy policy, CancellationToken cancellationToken) =>
        Post<RedeemResponse>(GameballOperation.Redeem, credentials, request, policy, cancellationToken);

    public Task<RedemptionRulesResponse> GetRedemptionRulesAsync(GameballCredentials credentials, GameballCallPolicy policy, CancellationToken cancellationToken) =>
        _http.SendAsync<RedemptionRulesResponse>(GameballOperation.RedemptionRules, credentials, GameballOperation.RedemptionRules.BuildPath(), null, policy, cancellationToken);

    public Task<RedemptionConfigurationResponse> GetRedemptionConfigurationAsync(GameballCredentials credentials, string customerId, GameballCallPolicy policy, CancellationToken cancellationToken) =>
        Get<RedemptionConfigurationResponse>(GameballOperation.RedemptionConfiguration, credentials, customerId, policy, cancellationToken);

    public async Task CheckConnectionAsync(GameballCredentials credentials, GameballCallPolicy policy, CancellationToken cancellationToken)
    {
        try
        {
            await GetCustomerBalanceAsync(credentials, ConnectionProbeCustomerId, policy, cancellationToken);
        }
        catch (GameballApiException e) when (e.Kind == GameballErrorKind.NotFound)
        {
            // authenticated, and the probe customer does not exist: the keys work
        }
    }

    private Task<T> Post<T>(GameballOperation operation, GameballCredentials credentials, object body, GameballCallPolicy policy, CancellationToken cancellationToken)
        where T : class =>
        _http.SendAsync<T>(operation, credentials, operation.BuildPath(), body, policy, cancellationToken);

    private Task<T> Get<T>(GameballOperation operation, GameballCredentials credentials, string id, GameballCallPolicy policy, CancellationToken cancellationToken)
        where T : class
    {
        if (string.IsNullOrWhiteSpace(id))
            throw new ArgumentException("An id is required.", nameof(id));
        return _http.SendAsync<T>(operation, credentials, operation.BuildPath(id), null, policy, cancellationToken);
    }
}
