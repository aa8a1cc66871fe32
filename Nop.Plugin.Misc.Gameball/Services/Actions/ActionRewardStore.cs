using System.Globalization;
using Nop.Core.Domain.Customers;
using Nop.Plugin.Misc.Gameball.Services.Outbox;

namespace Nop.Plugin.Misc.Gameball.Services.Actions;

/// <summary>
/// Keeps a customer's action rewards as generic attributes of the customer (no plugin tables): the
/// items as JSON, their overall status alone so the sweep can query it, and when the customer's actions
/// were last reconciled. Every decided occurrence is kept: its key is what makes it earn once.
/// </summary>
public class ActionRewardStore
{
    public const string RewardsKey = "Gameball.ActionRewards";
    public const string StatusKey = "Gameball.ActionStatus";
    public const string CheckedKey = "Gameball.ActionsCheckedUtc";


    private readonly StateAttributes _attributes;

    public ActionRewardStore(StateAttributes attributes)
    {
        _attributes = attributes;
    }

    public async Task<List<ActionReward>> LoadAsync(Customer customer) =>
        Parse(await _attributes.GetAttributeAsync<string>(customer, RewardsKey));

    /// <summary>The rewards kept in <see cref="RewardsKey"/>'s JSON; none when it is empty or unreadable.</summary>
    public static List<ActionReward> Parse(string? json) => OutboxList.Parse<ActionReward>(json);

    public async Task SaveAsync(Customer customer, List<ActionReward> rewards)
    {
        if (rewards.Count == 0)
            return;
        await _attributes.SaveAttributeAsync(customer, RewardsKey, OutboxList.Serialize(rewards));
        await _attributes.SaveAttributeAsync(customer, StatusKey, OverallStatus(rewards).ToString());
    }

    public Task SaveCheckedAsync(Customer customer, DateTime checkedUtc) =>
        _attributes.SaveAttributeAsync(customer, CheckedKey, FormatTime(checkedUtc));

    public static string FormatTime(DateTime utc) => utc.ToString("O", CultureInfo.InvariantCulture);

    public static DateTime? ParseTime(string? value) =>
        DateTime.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var time) ? time : null;

    /// <summary>Pending while any item is pending, failed while any failed, otherwise sent.</summary>
    public static SyncStatus OverallStatus(IReadOnlyCollection<ActionReward> rewards) => OutboxList.OverallStatus(rewards);
}
