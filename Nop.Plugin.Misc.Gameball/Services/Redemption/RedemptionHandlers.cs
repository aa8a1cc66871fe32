using Nop.Plugin.Misc.Gameball.Services.Api;
using Nop.Plugin.Misc.Gameball.Services.Api.Models;
using Nop.Plugin.Misc.Gameball.Services.Outbox;

namespace Nop.Plugin.Misc.Gameball.Services.Redemption;

/// <summary>
/// The hold request (<c>POST /transactions/hold</c>) as an outbox item, sent inline for the shopper who waits.
/// Gameball's hold carries no id of ours, so an unanswered hold cannot be looked up: it is never resent (the
/// caller marks it skipped), and a hold that did land unseen runs out at Gameball on its own.
/// </summary>
public class HoldHandler : IOutboxHandler<PointsHold>
{
    /// <summary>The longest a shopper waits for the hold.</summary>
    public static TimeSpan MaxWait { get; } = TimeSpan.FromSeconds(8);

    private readonly IGameballApiClient _apiClient;

    public HoldHandler(IGameballApiClient apiClient)
    {
        _apiClient = apiClient;
    }

    public Task<OutboxProbeResult> ProbeAsync(PointsHold item, OutboxPass pass, CancellationToken cancellationToken) =>
        Task.FromResult(OutboxProbeResult.Unknown);

    public async Task SendAsync(PointsHold item, OutboxPass pass, CancellationToken cancellationToken)
    {
        var request = GameballJson.Deserialize<HoldPointsRequest>(item.Payload!)!;
        var policy = pass.Policy with { AttemptTimeout = pass.Policy.AttemptTimeout < MaxWait ? pass.Policy.AttemptTimeout : MaxWait };
        var response = await _apiClient.HoldPointsAsync(pass.Credentials, request, policy, cancellationToken);
        if (string.IsNullOrWhiteSpace(response.HoldReference) || response.HoldAmount is not > 0)
            throw new GameballApiException(GameballErrorKind.InvalidResponse, GameballOperation.HoldPoints.Name, "Gameball's hold answer had no reference or amount.");
        item.HoldReference = response.HoldReference;
        item.HoldAmount = response.HoldAmount.Value;
        item.HoldPoints = response.HoldEquivalentPoints ?? item.Points;
    }
}

/// <summary>
/// What follows a hold, each through the outbox: the release (<c>DELETE /transactions/hold/{ref}</c>; a hold
/// Gameball no longer has is as good as released), the burn (<c>POST /transactions/redeem</c>, keyed by its
/// transactionId, settled by the hold's state) and the return of burned points (<c>POST /transactions/refund</c>
/// of the burn, keyed by its refundTransactionId).
/// </summary>
public class HoldStepHandler : IOutboxHandler<HoldStep>
{
    private readonly IGameballApiClient _apiClient;

    public HoldStepHandler(IGameballApiClient apiClient)
    {
        _apiClient = apiClient;
    }

    public async Task<OutboxProbeResult> ProbeAsync(HoldStep item, OutboxPass pass, CancellationToken cancellationToken)
    {
        if (item.HoldReference is null || item.Step == HoldStepKind.Return)
            return OutboxProbeResult.Unknown;
        try
        {
            var hold = await _apiClient.GetHoldAsync(pass.Credentials, item.HoldReference, pass.Policy, cancellationToken);
            return item.Step switch
            {
                HoldStepKind.Release => hold.IsActive ? OutboxProbeResult.NotLanded : OutboxProbeResult.Landed,
                // a used hold was burned; redeem is keyed by transactionId, so resending is safe either way
                _ => string.Equals(hold.State, "used", StringComparison.OrdinalIgnoreCase) ? OutboxProbeResult.Landed : OutboxProbeResult.Unknown,
            };
        }
        catch (GameballApiException e) when (e.Kind == GameballErrorKind.NotFound && item.Step == HoldStepKind.Release)
        {
            return OutboxProbeResult.Landed;
        }
    }

    public async Task SendAsync(HoldStep item, OutboxPass pass, CancellationToken cancellationToken)
    {
        switch (item.Step)
        {
            case HoldStepKind.Release:
                try
                {
                    await _apiClient.ReleaseHoldAsync(pass.Credentials, item.HoldReference!, pass.Policy, cancellationToken);
                }
                catch (GameballApiException e) when (e.Kind == GameballErrorKind.NotFound)
                {
                    // expired, used or released already: nothing is held any more
                }

                break;
            case HoldStepKind.Burn:
                var request = GameballJson.Deserialize<RedeemRequest>(item.Payload!)!;
                RedeemResponse redeem;
                try
                {
                    redeem = await _apiClient.RedeemAsync(pass.Credentials, request, pass.Policy, cancellationToken);
                }
                catch (GameballApiException e) when (e.Kind == GameballErrorKind.NotFound && request.HoldReference is not null && item.FallbackPoints is > 0)
                {
                    // the hold ran out before the burn reached Gameball (an outage): its points went back to the
                    // customer, so the same points are burned by number, under the same transactionId
                    var byPoints = request with { HoldReference = null, Points = item.FallbackPoints };
                    item.Payload = GameballJson.Serialize(byPoints);
                    item.HoldReference = null;
                    redeem = await _apiClient.RedeemAsync(pass.Credentials, byPoints, pass.Policy, cancellationToken);
                }

                item.Points = redeem.RedeemEquivalentPoints;
                break;
            case HoldStepKind.Return:
                var refund = await _apiClient.RefundAsync(pass.Credentials, GameballJson.Deserialize<RefundRequest>(item.Payload!)!, pass.Policy, cancellationToken);
                item.Points = refund.RefundEquivalentPoints;
                break;
        }
    }
}
