using Nop.Core.Domain.Customers;
using Nop.Plugin.Misc.Gameball.Services.Api;
using Nop.Plugin.Misc.Gameball.Services.Api.Models;
using Nop.Plugin.Misc.Gameball.Services.Orders;

namespace Nop.Plugin.Misc.Gameball.Services.Actions;

/// <summary>An occurrence and its rule as Gameball requests (pure functions; the JSON is what is persisted and resent).</summary>
public static class ActionRequestMapper
{
    public const string OccurrenceMetadataKey = "occurrence_id";

    public static ActionReward Reward(Customer customer, ActionOccurrence occurrence, ActionRule rule, DateTime nowUtc)
    {
        var cashback = rule.Mode == ActionRewardMode.Cashback;
        var reward = new ActionReward
        {
            TransactionId = occurrence.Key,
            OccurrenceKey = occurrence.Key,
            Step = cashback ? ActionRewardStep.Cashback : ActionRewardStep.Event,
            Action = occurrence.Action,
            StoreId = occurrence.StoreId,
            OccurredUtc = occurrence.OccurredUtc,
            RecordedUtc = nowUtc,
            Amount = cashback ? rule.CashbackAmount : null,
            EventName = cashback ? null : rule.EventName,
        };
        reward.Payload = cashback
            ? GameballJson.Serialize(new CashbackRequest
            {
                CustomerId = GameballIdentifiers.CustomerId(customer),
                Email = EmailOf(customer),
                TransactionId = occurrence.Key,
                TransactionTime = nowUtc,
                Amount = rule.CashbackAmount,
            })
            : GameballJson.Serialize(new EventsRequest
            {
                CustomerId = GameballIdentifiers.CustomerId(customer),
                Events = new Dictionary<string, IReadOnlyDictionary<string, string>>
                {
                    [rule.EventName] = new Dictionary<string, string>(occurrence.Metadata) { [OccurrenceMetadataKey] = occurrence.Key },
                },
            });
        return reward;
    }

    /// <summary>A reward that earns nothing (a limit applied); recorded so the occurrence is decided once.</summary>
    public static ActionReward NotRewarded(ActionOccurrence occurrence, ActionRule rule, string reason, DateTime nowUtc)
    {
        var reward = new ActionReward
        {
            TransactionId = occurrence.Key,
            OccurrenceKey = occurrence.Key,
            Step = rule.Mode == ActionRewardMode.Cashback ? ActionRewardStep.Cashback : ActionRewardStep.Event,
            Action = occurrence.Action,
            StoreId = occurrence.StoreId,
            OccurredUtc = occurrence.OccurredUtc,
            RecordedUtc = nowUtc,
        };
        reward.MarkSkipped(reason);
        return reward;
    }

    public static ActionReward Reversal(Customer customer, ActionReward cashback, DateTime nowUtc)
    {
        var refundTransactionId = ActionKeys.Reversal(cashback.OccurrenceKey);
        return new ActionReward
        {
            TransactionId = refundTransactionId,
            OccurrenceKey = cashback.OccurrenceKey,
            Step = ActionRewardStep.Reversal,
            Action = cashback.Action,
            StoreId = cashback.StoreId,
            OccurredUtc = cashback.OccurredUtc,
            RecordedUtc = nowUtc,
            Amount = cashback.Amount,
            Payload = GameballJson.Serialize(new RefundRequest
            {
                CustomerId = GameballIdentifiers.CustomerId(customer),
                Email = EmailOf(customer),
                RefundTransactionId = refundTransactionId,
                ReverseTransactionId = cashback.TransactionId,
                TransactionTime = nowUtc,
            }),
        };
    }

    private static string? EmailOf(Customer customer) => string.IsNullOrWhiteSpace(customer.Email) ? null : customer.Email;
}
