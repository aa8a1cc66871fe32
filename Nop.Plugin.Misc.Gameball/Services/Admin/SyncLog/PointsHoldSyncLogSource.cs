using System.Globalization;
using System.Text;
using Nop.Core.Domain.Common;
using Nop.Core.Domain.Customers;
using Nop.Data;
using Nop.Plugin.Misc.Gameball.Services.Outbox;
using Nop.Plugin.Misc.Gameball.Services.Redemption;

namespace Nop.Plugin.Misc.Gameball.Services.Admin.SyncLog;

/// <summary>
/// Shoppers' points holds in the sync log, one row per hold: its state is that of its outbox work (the release,
/// the burn, the return of burned points), its detail lists each with its id and outcome.
/// </summary>
public class PointsHoldSyncLogSource : CustomerWorkSyncLogSource<PointsHold>
{
    public PointsHoldSyncLogSource(IRepository<Customer> customerRepository, IRepository<GenericAttribute> genericAttributeRepository)
        : base(customerRepository, genericAttributeRepository)
    {
    }

    public override IReadOnlyList<string> Kinds { get; } = [PointsHold.ItemKind];

    protected override string ListKey => RedemptionStore.HoldsKey;

    protected override string StatusKey => RedemptionStore.StatusKey;

    protected override IReadOnlyList<PointsHold> Parse(string? json) => RedemptionStore.Parse(json);

    protected override SyncLogRow ToRow(PointsHold item, OutboxAddress address, string? reference, string referencePath)
    {
        var inv = CultureInfo.InvariantCulture;
        var detail = new StringBuilder();
        detail.Append(inv, $"{item.Phase}: {item.HoldPoints.ToString("0.##", inv)} points, {item.HoldAmount.ToString("0.00", inv)}");
        if (item.HoldReference is not null)
            detail.Append(inv, $" (hold {item.HoldReference})");
        if (item.OrderNumber is not null)
            detail.Append(inv, $", order {item.OrderNumber}");
        if (!string.IsNullOrEmpty(item.Note))
            detail.Append('\n').Append(item.Note);
        foreach (var step in item.Steps)
            detail.Append(inv, $"\n{step.Kind} {step.StepId}: {step.Status}{(step.Points is { } p ? ", " + p.ToString("0.##", inv) + " points" : string.Empty)}");

        var failing = item.Steps.LastOrDefault(s => s.Status is SyncStatus.Pending or SyncStatus.Failed && s.LastError is not null);
        return RowOf(item, item.CreatedUtc, address, reference, referencePath) with
        {
            Status = item.OverallStatus,
            Attempts = item.Attempts + item.Steps.Sum(s => s.Attempts),
            LastAttemptUtc = item.Steps.Select(s => s.LastAttemptUtc).Append(item.LastAttemptUtc).Max(),
            LastError = failing?.LastError ?? item.LastError,
            Amount = item.UsedAmount ?? item.HoldAmount,
            Points = item.HoldPoints,
            Detail = detail.ToString(),
        };
    }
}
