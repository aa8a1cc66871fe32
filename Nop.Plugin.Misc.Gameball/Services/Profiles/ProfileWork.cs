using Newtonsoft.Json;
using Newtonsoft.Json.Converters;
using Nop.Plugin.Misc.Gameball.Services.Outbox;

namespace Nop.Plugin.Misc.Gameball.Services.Profiles;

/// <summary>What a piece of profile work does in Gameball.</summary>
public enum ProfileStep
{
    /// <summary><c>POST /customers</c>: the customer's profile as the store knows it now.</summary>
    Upsert,

    /// <summary><c>DELETE /customers/{customerId}</c>: the customer was erased in the store (GDPR).</summary>
    Erasure
}

/// <summary>
/// One profile upsert or erasure as outbox work, kept on the customer. An upsert is keyed by the
/// fingerprint of the profile it carries, so a profile that has not changed is never sent again; an
/// erasure by the customer and the store whose Gameball workspace it goes to.
/// </summary>
public sealed class ProfileWork : OutboxItem
{
    public override string Kind => Step == ProfileStep.Upsert ? "Profile" : "Erasure";

    public override string? IdempotencyKey => Key;

    /// <summary>"{customerId}:{fingerprint}" for an upsert, "{customerId}:erase:{storeId}" for an erasure.</summary>
    public required string Key { get; set; }

    [JsonConverter(typeof(StringEnumConverter))]
    public ProfileStep Step { get; set; }

    /// <summary>The store whose settings decided the work and whose keys send it.</summary>
    public int StoreId { get; set; }

    public DateTime RecordedUtc { get; set; }

    /// <summary>The fingerprint of the profile an upsert carries (without the referral code).</summary>
    public string? Fingerprint { get; set; }

    /// <summary>The referral code sent with the customer's creation call, if any.</summary>
    public string? ReferrerCode { get; set; }

    /// <summary>Why a referral code the shopper arrived with was not sent (unknown, own code, too late, refused).</summary>
    public string? ReferralNote { get; set; }
}
