using Newtonsoft.Json;
using Nop.Core.Domain.Customers;
using Nop.Plugin.Misc.Gameball.Services.Actions;
using Nop.Plugin.Misc.Gameball.Services.Outbox;

namespace Nop.Plugin.Misc.Gameball.Services.Profiles;

/// <summary>A referral code a shopper arrived with, kept on the customer when they registered.</summary>
public sealed record PendingReferral(string Code, DateTime RegisteredUtc);

/// <summary>
/// Keeps a customer's profile work as generic attributes of the customer (no plugin tables): the items
/// as JSON with their overall status beside them for the sweep, the referral code captured at
/// registration, and the erasure request. nopCommerce's GDPR erasure deletes the customer's generic
/// attributes before it raises its event, so an erasure request is written after everything else is gone.
/// </summary>
public class ProfileStore
{
    public const string WorkKey = "Gameball.ProfileWork";
    public const string StatusKey = "Gameball.ProfileStatus";
    public const string ReferralKey = "Gameball.Referral";
    public const string ErasureKey = "Gameball.ErasureRequestedUtc";

    /// <summary>Done upserts beyond these are dropped: only the newest matter (the last one sent is the profile Gameball has).</summary>
    public const int KeptDoneItems = 20;


    private readonly StateAttributes _attributes;

    public ProfileStore(StateAttributes attributes)
    {
        _attributes = attributes;
    }

    public async Task<List<ProfileWork>> LoadAsync(Customer customer) =>
        Parse(await _attributes.GetAttributeAsync<string>(customer, WorkKey));

    public static List<ProfileWork> Parse(string? json) => OutboxList.Parse<ProfileWork>(json);

    public async Task SaveAsync(Customer customer, List<ProfileWork> work)
    {
        if (work.Count == 0)
            return;
        Trim(work);
        await _attributes.SaveAttributeAsync(customer, WorkKey, OutboxList.Serialize(work));
        await _attributes.SaveAttributeAsync(customer, StatusKey, OverallStatus(work).ToString());
    }

    private static void Trim(List<ProfileWork> work)
    {
        var done = work.Where(w => w.Step == ProfileStep.Upsert && w.Status is SyncStatus.Sent or SyncStatus.Skipped).ToList();
        foreach (var old in done.OrderByDescending(w => w.RecordedUtc).Skip(KeptDoneItems))
            work.Remove(old);
    }

    public static SyncStatus OverallStatus(IReadOnlyCollection<ProfileWork> work) => OutboxList.OverallStatus(work);

    public async Task<PendingReferral?> LoadReferralAsync(Customer customer)
    {
        var json = await _attributes.GetAttributeAsync<string>(customer, ReferralKey);
        if (string.IsNullOrWhiteSpace(json))
            return null;
        try
        {
            return JsonConvert.DeserializeObject<PendingReferral>(json, OutboxList.Json);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    public Task SaveReferralAsync(Customer customer, PendingReferral referral) =>
        _attributes.SaveAttributeAsync(customer, ReferralKey, JsonConvert.SerializeObject(referral, OutboxList.Json));

    /// <summary>The code has been decided on (sent or dropped): it is not kept.</summary>
    public Task ForgetReferralAsync(Customer customer) =>
        _attributes.SaveAttributeAsync<string?>(customer, ReferralKey, null);

    public async Task<DateTime?> LoadErasureRequestAsync(Customer customer) =>
        ActionRewardStore.ParseTime(await _attributes.GetAttributeAsync<string>(customer, ErasureKey));

    /// <summary>Recorded by the erasure's event; the status makes the sweep find it if the queue is lost.</summary>
    public async Task RequestErasureAsync(Customer customer, DateTime requestedUtc)
    {
        await _attributes.SaveAttributeAsync(customer, ErasureKey, ActionRewardStore.FormatTime(requestedUtc));
        await _attributes.SaveAttributeAsync(customer, StatusKey, SyncStatus.Pending.ToString());
    }
}
