using Nop.Plugin.Misc.Gameball.Services.Api.Models;

namespace Nop.Plugin.Misc.Gameball.Services.Api;

/// <summary>
/// The Gameball operations the plugin uses. Every call names the store's credentials and a call
/// policy; failures arrive as <see cref="GameballApiException"/>.
/// </summary>
public interface IGameballApiClient
{
    Task<TrackOrderResponse> TrackOrderAsync(GameballCredentials credentials, TrackOrderRequest request, GameballCallPolicy policy, CancellationToken cancellationToken);

    Task<CalculateCashbackResponse> CalculateCashbackAsync(GameballCredentials credentials, CalculateCashbackRequest request, GameballCallPolicy policy, CancellationToken cancellationToken);

    Task<RewardPreviewResponse> PreviewRewardsAsync(GameballCredentials credentials, RewardPreviewRequest request, GameballCallPolicy policy, CancellationToken cancellationToken);

    Task<OrderTransactionsResponse> GetOrderTransactionsAsync(GameballCredentials credentials, string orderId, GameballCallPolicy policy, CancellationToken cancellationToken);

    Task<RefundResponse> RefundAsync(GameballCredentials credentials, RefundRequest request, GameballCallPolicy policy, CancellationToken cancellationToken);

    /// <summary>One page of a customer's earning transactions (GET /transactions), after <paramref name="startAfter"/> (a Gameball transaction id; "0" first).</summary>
    Task<TransactionsPage> GetCustomerTransactionsAsync(GameballCredentials credentials, string customerId, string startAfter, int limit, GameballCallPolicy policy, CancellationToken cancellationToken);

    Task<CashbackResponse> CashbackAsync(GameballCredentials credentials, CashbackRequest request, GameballCallPolicy policy, CancellationToken cancellationToken);

    Task<EventsResponse> SendEventsAsync(GameballCredentials credentials, EventsRequest request, GameballCallPolicy policy, CancellationToken cancellationToken);

    Task<UpsertCustomerResponse> UpsertCustomerAsync(GameballCredentials credentials, UpsertCustomerRequest request, GameballCallPolicy policy, CancellationToken cancellationToken);

    /// <summary>DELETE /customers/{customerId}: erases the customer in Gameball (no undo).</summary>
    Task DeleteCustomerAsync(GameballCredentials credentials, string customerId, GameballCallPolicy policy, CancellationToken cancellationToken);

    /// <summary>GET /referrals/validate: whether the code is a customer's referral code that <paramref name="forCustomerId"/> may use (not their own).</summary>
    Task<ReferralValidationResponse> ValidateReferrerCodeAsync(GameballCredentials credentials, string referrerCode, string forCustomerId, GameballCallPolicy policy, CancellationToken cancellationToken);

    Task<CustomerBalanceResponse> GetCustomerBalanceAsync(GameballCredentials credentials, string customerId, GameballCallPolicy policy, CancellationToken cancellationToken);

    Task<HoldPointsResponse> HoldPointsAsync(GameballCredentials credentials, HoldPointsRequest request, GameballCallPolicy policy, CancellationToken cancellationToken);

    Task<HoldDetailsResponse> GetHoldAsync(GameballCredentials credentials, string holdReference, GameballCallPolicy policy, CancellationToken cancellationToken);

    Task<ReleaseHoldResponse> ReleaseHoldAsync(GameballCredentials credentials, string holdReference, GameballCallPolicy policy, CancellationToken cancellationToken);

    Task<RedeemResponse> RedeemAsync(GameballCredentials credentials, RedeemRequest request, GameballCallPolicy policy, CancellationToken cancellationToken);

    Task<RedemptionRulesResponse> GetRedemptionRulesAsync(GameballCredentials credentials, GameballCallPolicy policy, CancellationToken cancellationToken);

    Task<RedemptionConfigurationResponse> GetRedemptionConfigurationAsync(GameballCredentials credentials, string customerId, GameballCallPolicy policy, CancellationToken cancellationToken);

    /// <summary>
    /// Proves that both keys work with one cheap read that needs both (a customer balance): Gameball's
    /// "customer not found" counts as success. Throws with the kind that says what is wrong.
    /// </summary>
    Task CheckConnectionAsync(GameballCredentials credentials, GameballCallPolicy policy, CancellationToken cancellationToken);
}
