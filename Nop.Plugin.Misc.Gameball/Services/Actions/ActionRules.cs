using System.Text.RegularExpressions;

namespace Nop.Plugin.Misc.Gameball.Services.Actions;

/// <summary>What one action earns in a store, as the store's settings say.</summary>
public sealed record ActionRule(GameballAction Action, ActionRewardMode Mode, string EventName, decimal CashbackAmount, DateTime? FromUtc)
{
    public bool IsOn => Mode != ActionRewardMode.Off && FromUtc is not null;

    /// <summary>Whether an occurrence at <paramref name="occurredUtc"/> happened while the action was on.</summary>
    public bool Covers(DateTime occurredUtc) => IsOn && occurredUtc >= FromUtc;
}

/// <summary>Reads the flat per-action settings (as nopCommerce's own RewardPointsSettings keeps them) as rules.</summary>
public static partial class ActionRules
{
    public const int MaxEventNameLength = 100;

    [GeneratedRegex("^[A-Za-z0-9_]+$")]
    private static partial Regex EventNameFormat();

    public static bool IsValidEventName(string? name) => name is { Length: > 0 and <= MaxEventNameLength } && EventNameFormat().IsMatch(name);

    public static ActionRule For(GameballSettings s, GameballAction action) => action switch
    {
        GameballAction.Registration => new(action, s.RegistrationReward, s.RegistrationEventName ?? "registered", s.RegistrationCashbackAmount, s.RegistrationRewardFromUtc),
        GameballAction.Newsletter => new(action, s.NewsletterReward, s.NewsletterEventName ?? "newsletter_subscribed", s.NewsletterCashbackAmount, s.NewsletterRewardFromUtc),
        GameballAction.Review => new(action, s.ReviewReward, s.ReviewEventName ?? "review_approved", s.ReviewCashbackAmount, s.ReviewRewardFromUtc),
        GameballAction.BlogComment => new(action, s.BlogCommentReward, s.BlogCommentEventName ?? "blog_comment_approved", s.BlogCommentCashbackAmount, s.BlogCommentRewardFromUtc),
        GameballAction.NewsComment => new(action, s.NewsCommentReward, s.NewsCommentEventName ?? "news_comment_approved", s.NewsCommentCashbackAmount, s.NewsCommentRewardFromUtc),
        GameballAction.Birthday => new(action, s.BirthdayReward, s.BirthdayEventName ?? "birthday", s.BirthdayCashbackAmount, s.BirthdayRewardFromUtc),
        _ => throw new ArgumentOutOfRangeException(nameof(action), action, null)
    };

    public static IEnumerable<ActionRule> All(GameballSettings settings) => Enum.GetValues<GameballAction>().Select(a => For(settings, a));

    /// <summary>The names of the mode settings of the actions that are on (before a save changes them).</summary>
    public static IReadOnlySet<string> SwitchedOn(GameballSettings settings) =>
        All(settings).Where(r => r.Mode != ActionRewardMode.Off).Select(r => r.Action + "Reward").ToHashSet();
}
