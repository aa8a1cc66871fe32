using Nop.Plugin.Misc.Gameball.Services.Api;
using Nop.Plugin.Misc.Gameball.Services.Api.Models;
using Nop.Plugin.Misc.Gameball.Services.Outbox;

namespace Nop.Plugin.Misc.Gameball.Services.Profiles;

/// <summary>
/// Sends profile work. Both kinds are safe to resend, so nothing needs probing: an upsert sent twice
/// leaves the same profile, and an erasure that already happened answers "customer not found" (404 or
/// 7000), which counts as done. A referral code Gameball refuses on the creation call is dropped and the
/// profile sent without it: a bad code never keeps a customer out of Gameball.
/// </summary>
public class ProfileHandler : IOutboxHandler<ProfileWork>
{
    private static readonly int[] _referralCodes = [7002, 7003, 7005, 7006];

    private readonly IGameballApiClient _apiClient;

    public ProfileHandler(IGameballApiClient apiClient)
    {
        _apiClient = apiClient;
    }

    public Task<OutboxProbeResult> ProbeAsync(ProfileWork item, OutboxPass pass, CancellationToken cancellationToken) =>
        Task.FromResult(OutboxProbeResult.Unknown);

    public async Task SendAsync(ProfileWork item, OutboxPass pass, CancellationToken cancellationToken)
    {
        if (item.Step == ProfileStep.Erasure)
        {
            var erased = GameballJson.Deserialize<CustomerReference>(item.Payload!)!;
            try
            {
                await _apiClient.DeleteCustomerAsync(pass.Credentials, erased.CustomerId, pass.Policy, cancellationToken);
            }
            catch (GameballApiException e) when (e.Kind == GameballErrorKind.NotFound)
            {
                // erased before (our earlier send landed) or never known to Gameball: nothing of them is left there
            }

            return;
        }

        var request = GameballJson.Deserialize<UpsertCustomerRequest>(item.Payload!)!;
        try
        {
            await _apiClient.UpsertCustomerAsync(pass.Credentials, request, pass.Policy, cancellationToken);
        }
        catch (GameballApiException e) when (request.ReferrerCode is not null && e.GameballCode is { } code && _referralCodes.Contains(code))
        {
            var withoutReferral = request with { ReferrerCode = null };
            item.Payload = GameballJson.Serialize(withoutReferral);
            item.ReferralNote = $"Gameball refused the referral code {item.ReferrerCode} (code {code}); the profile was sent without it.";
            item.ReferrerCode = null;
            await _apiClient.UpsertCustomerAsync(pass.Credentials, withoutReferral, pass.Policy, cancellationToken);
        }
    }
}
