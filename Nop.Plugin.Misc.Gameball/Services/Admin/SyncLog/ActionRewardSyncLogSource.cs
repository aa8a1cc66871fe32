using Nop.Core.Domain.Common;
using Nop.Core.Domain.Customers;
using Nop.Data;
using Nop.Plugin.Misc.Gameball.Services.Actions;
using Nop.Plugin.Misc.Gameball.Services.Outbox;

namespace Nop.Plugin.Misc.Gameball.Services.Admin.SyncLog;

/// <summary>Non-order actions in the sync log, one row per event, cashback or reversal sent for an occurrence.</summary>
public class ActionRewardSyncLogSource : CustomerWorkSyncLogSource<ActionReward>
{
    public ActionRewardSyncLogSource(IRepository<Customer> customerRepository, IRepository<GenericAttribute> genericAttributeRepository)
        : base(customerRepository, genericAttributeRepository)
    {
    }

    public override IReadOnlyList<string> Kinds { get; } = Enum.GetValues<ActionRewardStep>().Select(step => "Action" + step).ToList();

    protected override string ListKey => ActionRewardStore.RewardsKey;

    protected override string StatusKey => ActionRewardStore.StatusKey;

    protected override IReadOnlyList<ActionReward> Parse(string? json) => ActionRewardStore.Parse(json);

    protected override SyncLogRow ToRow(ActionReward item, OutboxAddress address, string? reference, string referencePath) => RowOf(item, item.RecordedUtc, address, reference, referencePath) with
    {
        Amount = item.Amount,
        Points = item.Points,
        // the first line is what the customer card shows as the reason
        Detail = item.Action + (string.IsNullOrEmpty(item.EventName) ? string.Empty : ": " + item.EventName) + "\n" + item.TransactionId,
    };
}
