using Nop.Core.Domain.Common;
using Nop.Core.Domain.Customers;
using Nop.Data;
using Nop.Plugin.Misc.Gameball.Services.Outbox;
using Nop.Plugin.Misc.Gameball.Services.Profiles;

namespace Nop.Plugin.Misc.Gameball.Services.Admin.SyncLog;

/// <summary>Customer profiles and erasures in the sync log, one row per upsert or erasure sent.</summary>
public class ProfileSyncLogSource : CustomerWorkSyncLogSource<ProfileWork>
{
    public ProfileSyncLogSource(IRepository<Customer> customerRepository, IRepository<GenericAttribute> genericAttributeRepository)
        : base(customerRepository, genericAttributeRepository)
    {
    }

    public override IReadOnlyList<string> Kinds { get; } = ["Profile", "Erasure"];

    protected override string ListKey => ProfileStore.WorkKey;

    protected override string StatusKey => ProfileStore.StatusKey;

    protected override IReadOnlyList<ProfileWork> Parse(string? json) => ProfileStore.Parse(json);

    protected override SyncLogRow ToRow(ProfileWork item, OutboxAddress address, string? reference, string referencePath) => RowOf(item, item.RecordedUtc, address, reference, referencePath) with
    {
        Detail = item.Step == ProfileStep.Erasure
            ? $"Erasure (store {item.StoreId})"
            : "Profile" + (item.ReferrerCode is null ? string.Empty : $", referred by {item.ReferrerCode}") + (item.ReferralNote is null ? string.Empty : "\n" + item.ReferralNote),
    };
}
