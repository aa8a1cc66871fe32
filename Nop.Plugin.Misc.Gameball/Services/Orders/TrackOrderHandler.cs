using Nop.Plugin.Misc.Gameball.Services.Api;
using Nop.Plugin.Misc.Gameball.Services.Api.Models;
using Nop.Plugin.Misc.Gameball.Services.Outbox;

namespace Nop.Plugin.Misc.Gameball.Services.Orders;

/// <summary>
/// An order's own outbox item: its persisted Track Order request goes to <c>POST /orders</c>; an
/// unanswered send is settled by <c>GET /orders/{orderId}/transactions</c>, where a reward for the order
/// proves it landed (fact sheet §2.4).
/// </summary>
public class TrackOrderHandler : IOutboxHandler<OrderSyncState>
{
    private readonly IGameballApiClient _apiClient;

    public TrackOrderHandler(IGameballApiClient apiClient)
    {
        _apiClient = apiClient;
    }

    public async Task<OutboxProbeResult> ProbeAsync(OrderSyncState item, OutboxPass pass, CancellationToken cancellationToken)
    {
        var transactions = await _apiClient.GetOrderTransactionsAsync(pass.Credentials, item.IdempotencyKey!, pass.Policy, cancellationToken);
        var rewards = transactions.Transactions?.Where(t => t.TransactionType is "PaymentReward" or "AchievementReward" or "Payment").ToList() ?? [];
        if (rewards.Count == 0)
            return OutboxProbeResult.NotLanded;
        item.RewardedPoints = rewards.Sum(t => t.EquivalentPoints ?? 0);
        return OutboxProbeResult.Landed;
    }

    public async Task SendAsync(OrderSyncState item, OutboxPass pass, CancellationToken cancellationToken)
    {
        var request = GameballJson.Deserialize<TrackOrderRequest>(item.Payload!)!;
        var response = await _apiClient.TrackOrderAsync(pass.Credentials, request, pass.Policy, cancellationToken);
        item.RewardedPoints = response.RewardedPoints;
    }
}
