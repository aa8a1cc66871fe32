using FluentValidation;
using Nop.Plugin.Misc.Gameball.Models;
using Nop.Plugin.Misc.Gameball.Services.Actions;
using Nop.Services.Localization;
using Nop.Web.Framework.Validators;

namespace Nop.Plugin.Misc.Gameball.Validators;

public class ConfigurationValidator : BaseNopValidator<ConfigurationModel>
{
    public ConfigurationValidator(ILocalizationService localizationService)
    {
        RuleFor(m => m.ApiKey).NotEmpty().WithMessageAwait(localizationService.GetResourceAsync("Plugins.Misc.Gameball.Fields.ApiKey.Required"));
        RuleFor(m => m.ApiBaseUrl).Must(IsAllowedBaseUrl).WithMessageAwait(localizationService.GetResourceAsync("Plugins.Misc.Gameball.Fields.ApiBaseUrl.Https"));
        RuleFor(m => m.ApiVersion).Must(v => GameballDefaults.SupportedApiVersions.Contains(v ?? string.Empty))
            .WithMessageAwait(localizationService.GetResourceAsync("Plugins.Misc.Gameball.Fields.ApiVersion.Invalid"));
        RuleFor(m => m.RequestTimeout).InclusiveBetween(1, 120).WithMessageAwait(localizationService.GetResourceAsync("Plugins.Misc.Gameball.Fields.RequestTimeout.Range"));
        RuleFor(m => m.PreviewRequestTimeoutMilliseconds).InclusiveBetween(100, 10_000)
            .WithMessageAwait(localizationService.GetResourceAsync("Plugins.Misc.Gameball.Fields.PreviewRequestTimeoutMilliseconds.Range"));
        RuleFor(m => m.RedemptionHoldMinutes).InclusiveBetween(1, GameballDefaults.MaxRedemptionHoldMinutes)
            .WithMessageAwait(localizationService.GetResourceAsync("Plugins.Misc.Gameball.Fields.RedemptionHoldMinutes.Range"));
        RuleFor(m => m.PreviewCacheTtlSeconds).InclusiveBetween(0, 86_400).WithMessageAwait(localizationService.GetResourceAsync("Plugins.Misc.Gameball.Fields.PreviewCacheTtlSeconds.Range"));
        RuleFor(m => m.PreviewRequestsPerMinutePerClient).InclusiveBetween(0, GameballDefaults.MaxPreviewRequestsPerMinutePerClient)
            .WithMessageAwait(localizationService.GetResourceAsync("Plugins.Misc.Gameball.Fields.PreviewRequestsPerMinutePerClient.Range"));
        RuleFor(m => m.MaxSyncAttempts).InclusiveBetween(1, 50).WithMessageAwait(localizationService.GetResourceAsync("Plugins.Misc.Gameball.Fields.MaxSyncAttempts.Range"));

        RuleFor(m => m.RegistrationEventName).Must(ActionRules.IsValidEventName).When(m => m.RegistrationReward == ActionRewardMode.Event)
            .WithMessageAwait(localizationService.GetResourceAsync("Plugins.Misc.Gameball.Fields.RegistrationEventName.Required"));
        RuleFor(m => m.RegistrationCashbackAmount).Must(IsValidCashbackAmount).When(m => m.RegistrationReward == ActionRewardMode.Cashback)
            .WithMessageAwait(localizationService.GetResourceAsync("Plugins.Misc.Gameball.Fields.ActionCashbackAmount.Range"));
        RuleFor(m => m.NewsletterEventName).Must(ActionRules.IsValidEventName).When(m => m.NewsletterReward == ActionRewardMode.Event)
            .WithMessageAwait(localizationService.GetResourceAsync("Plugins.Misc.Gameball.Fields.NewsletterEventName.Required"));
        RuleFor(m => m.NewsletterCashbackAmount).Must(IsValidCashbackAmount).When(m => m.NewsletterReward == ActionRewardMode.Cashback)
            .WithMessageAwait(localizationService.GetResourceAsync("Plugins.Misc.Gameball.Fields.ActionCashbackAmount.Range"));
        RuleFor(m => m.ReviewEventName).Must(ActionRules.IsValidEventName).When(m => m.ReviewReward == ActionRewardMode.Event)
            .WithMessageAwait(localizationService.GetResourceAsync("Plugins.Misc.Gameball.Fields.ReviewEventName.Required"));
        RuleFor(m => m.ReviewCashbackAmount).Must(IsValidCashbackAmount).When(m => m.ReviewReward == ActionRewardMode.Cashback)
            .WithMessageAwait(localizationService.GetResourceAsync("Plugins.Misc.Gameball.Fields.ActionCashbackAmount.Range"));
        RuleFor(m => m.BlogCommentEventName).Must(ActionRules.IsValidEventName).When(m => m.BlogCommentReward == ActionRewardMode.Event)
            .WithMessageAwait(localizationService.GetResourceAsync("Plugins.Misc.Gameball.Fields.BlogCommentEventName.Required"));
        RuleFor(m => m.BlogCommentCashbackAmount).Must(IsValidCashbackAmount).When(m => m.BlogCommentReward == ActionRewardMode.Cashback)
            .WithMessageAwait(localizationService.GetResourceAsync("Plugins.Misc.Gameball.Fields.ActionCashbackAmount.Range"));
        RuleFor(m => m.NewsCommentEventName).Must(ActionRules.IsValidEventName).When(m => m.NewsCommentReward == ActionRewardMode.Event)
            .WithMessageAwait(localizationService.GetResourceAsync("Plugins.Misc.Gameball.Fields.NewsCommentEventName.Required"));
        RuleFor(m => m.NewsCommentCashbackAmount).Must(IsValidCashbackAmount).When(m => m.NewsCommentReward == ActionRewardMode.Cashback)
            .WithMessageAwait(localizationService.GetResourceAsync("Plugins.Misc.Gameball.Fields.ActionCashbackAmount.Range"));
        RuleFor(m => m.BirthdayEventName).Must(ActionRules.IsValidEventName).When(m => m.BirthdayReward == ActionRewardMode.Event)
            .WithMessageAwait(localizationService.GetResourceAsync("Plugins.Misc.Gameball.Fields.BirthdayEventName.Required"));
        RuleFor(m => m.BirthdayCashbackAmount).Must(IsValidCashbackAmount).When(m => m.BirthdayReward == ActionRewardMode.Cashback)
            .WithMessageAwait(localizationService.GetResourceAsync("Plugins.Misc.Gameball.Fields.ActionCashbackAmount.Range"));
        RuleFor(m => m.MaxReviewRewardsPerDay).InclusiveBetween(1, 100).WithMessageAwait(localizationService.GetResourceAsync("Plugins.Misc.Gameball.Fields.MaxReviewRewardsPerDay.Range"));
    }

    public static bool IsValidCashbackAmount(decimal amount) => amount > 0 && amount <= AwardCashbackValidator.MaxAmount && decimal.Round(amount, 2) == amount;

    /// <summary>https only: keys travel in headers. Plain http is accepted for a test server on this machine alone.</summary>
    public static bool IsAllowedBaseUrl(string? value) =>
        Uri.TryCreate(value?.Trim(), UriKind.Absolute, out var uri) && string.IsNullOrEmpty(uri.Query)
        && (uri.Scheme == Uri.UriSchemeHttps || (uri.Scheme == Uri.UriSchemeHttp && uri.IsLoopback));
}

public class AwardCashbackValidator : BaseNopValidator<AwardCashbackModel>
{
    /// <summary>Larger awards are refused as mistakes (an extra zero); Gameball's own limits are unknown.</summary>
    public const decimal MaxAmount = 100_000m;

    public AwardCashbackValidator(ILocalizationService localizationService)
    {
        RuleFor(m => m.Amount).GreaterThan(0).WithMessageAwait(localizationService.GetResourceAsync("Plugins.Misc.Gameball.Cashback.Amount.Positive"));
        RuleFor(m => m.Amount).LessThanOrEqualTo(MaxAmount).WithMessageAwait(localizationService.GetResourceAsync("Plugins.Misc.Gameball.Cashback.Amount.TooLarge"));
        RuleFor(m => m.Amount).Must(a => decimal.Round(a, 2) == a).WithMessageAwait(localizationService.GetResourceAsync("Plugins.Misc.Gameball.Cashback.Amount.Decimals"));
        RuleFor(m => m.Reason).NotEmpty().WithMessageAwait(localizationService.GetResourceAsync("Plugins.Misc.Gameball.Cashback.Reason.Required"));
        RuleFor(m => m.Reason).MaximumLength(200).WithMessageAwait(localizationService.GetResourceAsync("Plugins.Misc.Gameball.Cashback.Reason.TooLong"));
        RuleFor(m => m.AwardToken).NotEqual(Guid.Empty).WithMessageAwait(localizationService.GetResourceAsync("Plugins.Misc.Gameball.Cashback.Token.Required"));
    }
}
