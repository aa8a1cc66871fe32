using Nop.Plugin.Misc.Gameball.Services.Api;
using Nop.Plugin.Misc.Gameball.Services.Api.Models;
using Nop.Plugin.Misc.Gameball.Services.Outbox;

namespace Nop.Plugin.Misc.Gameball.Services.Cashback;

/// <summary>
/// A manual award's outbox item: its persisted request goes to <c>POST /transactions/cashback</c>; an
/// unanswered send is settled by the customer's ledger (<see cref="CustomerLedgerProbe"/>).
/// </summary>
public class ManualCashbackHandler : IOutboxHandler<ManualCashbackAward>
{
    private readonly IGameballApiClient _apiClient;
    private readonly CustomerLedgerProbe _ledger;

    public ManualCashbackHandler(IGameballApiClient apiClient, CustomerLedgerProbe ledger)
    {
        _apiClient = apiClient;
        _ledger = ledger;
    }

    public async Task<OutboxProbeResult> ProbeAsync(ManualCashbackAward item, OutboxPass pass, CancellationToken cancellationToken)
    {
        var request = GameballJson.Deserialize<CashbackRequest>(item.Payload!)!;
        var (result, landed) = await _ledger.FindAsync(request.CustomerId, item.TransactionId, pass, cancellationToken);
        if (landed is not null)
            item.RewardedPoints = landed.Points;
        return result;
    }

    public async Task SendAsync(ManualCashbackAward item, OutboxPass pass, CancellationToken cancellationToken)
    {
        var request = GameballJson.Deserialize<CashbackRequest>(item.Payload!)!;
        var response = await _apiClient.CashbackAsync(pass.Credentials, request, pass.Policy, cancellationToken);
        item.RewardedPoints = response.RewardEquivalentPoints;
    }
}
