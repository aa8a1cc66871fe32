using Nop.Core.Domain.Common;
using Nop.Core.Domain.Customers;
using Nop.Data;
using Nop.Plugin.Misc.Gameball.Services.Cashback;
using Nop.Plugin.Misc.Gameball.Services.Outbox;

namespace Nop.Plugin.Misc.Gameball.Services.Admin.SyncLog;

/// <summary>An admin's cashback awards in the sync log, one row per award.</summary>
public class ManualCashbackSyncLogSource : CustomerWorkSyncLogSource<ManualCashbackAward>
{
    public ManualCashbackSyncLogSource(IRepository<Customer> customerRepository, IRepository<GenericAttribute> genericAttributeRepository)
        : base(customerRepository, genericAttributeRepository)
    {
    }

    public override IReadOnlyList<string> Kinds { get; } = [ManualCashbackAward.ItemKind];

    protected override string ListKey => CashbackAwardStore.AwardsKey;

    protected override string StatusKey => CashbackAwardStore.StatusKey;

    protected override IReadOnlyList<ManualCashbackAward> Parse(string? json) => CashbackAwardStore.Parse(json);

    protected override SyncLogRow ToRow(ManualCashbackAward item, OutboxAddress address, string? reference, string referencePath) => RowOf(item, item.RequestedUtc, address, reference, referencePath) with
    {
        Amount = item.Amount,
        Points = item.RewardedPoints is null ? null : item.ShownPoints,
        Detail = string.IsNullOrEmpty(item.Reason) ? item.TransactionId : item.Reason + "\n" + item.TransactionId,
    };
}
