using Nop.Plugin.Misc.Gameball.Services.Api;
using Nop.Plugin.Misc.Gameball.Services.Api.Models;
using Nop.Plugin.Misc.Gameball.Services.Cashback;
using Nop.Plugin.Misc.Gameball.Services.Outbox;

namespace Nop.Plugin.Misc.Gameball.Services.Actions;

/// <summary>
/// Sends an action reward's persisted request. What settles an unanswered send: a cashback shows in the
/// customer's ledger (<see cref="CustomerLedgerProbe"/>); a reversal is resent and Gameball's duplicate
/// answer to a repeated refundTransactionId (9004, fact sheet §2.6) settles it. An event has neither:
/// Gameball keeps no id of an event and answers no duplicate (fact sheet §2.8), so nothing can tell
/// whether it landed; it is resent (at least once), carrying its occurrence id in its metadata.
/// </summary>
public class ActionRewardHandler : IOutboxHandler<ActionReward>
{
    private readonly IGameballApiClient _apiClient;
    private readonly CustomerLedgerProbe _ledger;

    public ActionRewardHandler(IGameballApiClient apiClient, CustomerLedgerProbe ledger)
    {
        _apiClient = apiClient;
        _ledger = ledger;
    }

    public async Task<OutboxProbeResult> ProbeAsync(ActionReward item, OutboxPass pass, CancellationToken cancellationToken)
    {
        if (item.Step != ActionRewardStep.Cashback)
            return OutboxProbeResult.Unknown;
        var request = GameballJson.Deserialize<CashbackRequest>(item.Payload!)!;
        var (result, landed) = await _ledger.FindAsync(request.CustomerId, item.TransactionId, pass, cancellationToken);
        if (landed is not null)
            item.Points = landed.Points;
        return result;
    }

    public async Task SendAsync(ActionReward item, OutboxPass pass, CancellationToken cancellationToken)
    {
        switch (item.Step)
        {
            case ActionRewardStep.Event:
                await _apiClient.SendEventsAsync(pass.Credentials, GameballJson.Deserialize<EventsRequest>(item.Payload!)!, pass.Policy, cancellationToken);
                break;
            case ActionRewardStep.Cashback:
                var cashback = await _apiClient.CashbackAsync(pass.Credentials, GameballJson.Deserialize<CashbackRequest>(item.Payload!)!, pass.Policy, cancellationToken);
                item.Points = cashback.RewardEquivalentPoints;
                break;
            case ActionRewardStep.Reversal:
                var refund = await _apiClient.RefundAsync(pass.Credentials, GameballJson.Deserialize<RefundRequest>(item.Payload!)!, pass.Policy, cancellationToken);
                item.Points = refund.RefundEquivalentPoints;
                break;
        }
    }
}
