using Nop.Plugin.Misc.Gameball.Services.Api;
using Nop.Plugin.Misc.Gameball.Services.Api.Models;
using Nop.Plugin.Misc.Gameball.Services.Outbox;

namespace Nop.Plugin.Misc.Gameball.Services.Cashback;

/// <summary>
/// A manual award's outbox item: its persisted request goes to <c>POST /transactions/cashback</c>. An
/// unanswered send is settled by the customer's ledger (<c>GET /transactions?customerId=</c>, fact
/// sheet §2.13), where the award shows under its transactionId once it landed; past
/// <see cref="MaxProbePages"/> pages the probe cannot tell, and the resend's duplicate answer (9004, a
/// transaction with the same transaction ID already exists: fact sheet §1.3, §1.6) settles it.
/// </summary>
public class ManualCashbackHandler : IOutboxHandler<ManualCashbackAward>
{
    public const int PageSize = 200;
    public const int MaxProbePages = 5;

    private readonly IGameballApiClient _apiClient;

    public ManualCashbackHandler(IGameballApiClient apiClient)
    {
        _apiClient = apiClient;
    }

    public async Task<OutboxProbeResult> ProbeAsync(ManualCashbackAward item, OutboxPass pass, CancellationToken cancellationToken)
    {
        var request = GameballJson.Deserialize<CashbackRequest>(item.Payload!)!;
        var startAfter = "0";
        for (var page = 0; page < MaxProbePages; page++)
        {
            var transactions = await _apiClient.GetCustomerTransactionsAsync(pass.Credentials, request.CustomerId, startAfter, PageSize, pass.Policy, cancellationToken);
            if (transactions.Transactions?.FirstOrDefault(t => t.TransactionId == item.TransactionId) is { } landed)
            {
                item.RewardedPoints = landed.Points;
                return OutboxProbeResult.Landed;
            }

            if (transactions.HasMore != true || transactions.Transactions?.LastOrDefault()?.GameballTransactionId is not { } last)
                return OutboxProbeResult.NotLanded;
            startAfter = last;
        }

        return OutboxProbeResult.Unknown;
    }

    public async Task SendAsync(ManualCashbackAward item, OutboxPass pass, CancellationToken cancellationToken)
    {
        var request = GameballJson.Deserialize<CashbackRequest>(item.Payload!)!;
        var response = await _apiClient.CashbackAsync(pass.Credentials, request, pass.Policy, cancellationToken);
        item.RewardedPoints = response.RewardEquivalentPoints;
    }
}
