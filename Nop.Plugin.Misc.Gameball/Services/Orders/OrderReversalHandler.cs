using Nop.Plugin.Misc.Gameball.Services.Api;
using Nop.Plugin.Misc.Gameball.Services.Api.Models;
using Nop.Plugin.Misc.Gameball.Services.Outbox;

namespace Nop.Plugin.Misc.Gameball.Services.Orders;

/// <summary>
/// A reversal's outbox item: its persisted refund request goes to <c>POST /transactions/refund</c>; an
/// unanswered send is settled by the order's transactions, where the refund shows under its
/// refundTransactionId once it landed.
/// </summary>
public class OrderReversalHandler : IOutboxHandler<RefundSyncState>
{
    private readonly IGameballApiClient _apiClient;

    public OrderReversalHandler(IGameballApiClient apiClient)
    {
        _apiClient = apiClient;
    }

    public async Task<OutboxProbeResult> ProbeAsync(RefundSyncState item, OutboxPass pass, CancellationToken cancellationToken)
    {
        var request = GameballJson.Deserialize<RefundRequest>(item.Payload!)!;
        var transactions = await _apiClient.GetOrderTransactionsAsync(pass.Credentials, request.ReverseTransactionId, pass.Policy, cancellationToken);
        return transactions.Transactions?.Any(t => t.TransactionId == item.RefundTransactionId) == true
            ? OutboxProbeResult.Landed
            : OutboxProbeResult.NotLanded;
    }

    public async Task SendAsync(RefundSyncState item, OutboxPass pass, CancellationToken cancellationToken)
    {
        var request = GameballJson.Deserialize<RefundRequest>(item.Payload!)!;
        var response = await _apiClient.RefundAsync(pass.Credentials, request, pass.Policy, cancellationToken);
        item.ReversedPoints = response.RefundEquivalentPoints;
    }
}
