using Nop.Core.Domain.Customers;
using Nop.Plugin.Misc.Gameball.Services.Outbox;

namespace Nop.Plugin.Misc.Gameball.Services.Cashback;

/// <summary>
/// Keeps a customer's cashback awards in nopCommerce's database as generic attributes of the customer
/// (no plugin tables): the awards as JSON, and their overall status alone so the sweep can query it.
/// Awards that are done are kept for the customer card up to <see cref="KeptDone"/>.
/// </summary>
public class CashbackAwardStore
{
    public const string AwardsKey = "Gameball.CashbackAwards";
    public const string StatusKey = "Gameball.CashbackStatus";
    public const int KeptDone = 50;


    private readonly StateAttributes _attributes;

    public CashbackAwardStore(StateAttributes attributes)
    {
        _attributes = attributes;
    }

    public async Task<List<ManualCashbackAward>> LoadAsync(Customer customer)
    {
        return Parse(await _attributes.GetAttributeAsync<string>(customer, AwardsKey));
    }

    /// <summary>The awards in a stored value (empty when there are none or it cannot be read).</summary>
    public static List<ManualCashbackAward> Parse(string? json) => OutboxList.Parse<ManualCashbackAward>(json);

    public async Task SaveAsync(Customer customer, List<ManualCashbackAward> awards)
    {
        var done = awards.Where(a => a.Status is SyncStatus.Sent or SyncStatus.Skipped).ToList();
        if (done.Count > KeptDone)
            awards.RemoveAll(a => done.Take(done.Count - KeptDone).Contains(a));
        await _attributes.SaveAttributeAsync(customer, AwardsKey, OutboxList.Serialize(awards));
        await _attributes.SaveAttributeAsync(customer, StatusKey, OverallStatus(awards).ToString());
    }

    /// <summary>Pending while any award is pending, failed while any failed, otherwise sent.</summary>
    public static SyncStatus OverallStatus(IReadOnlyCollection<ManualCashbackAward> awards) => OutboxList.OverallStatus(awards);
}
