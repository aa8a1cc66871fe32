using System.Globalization;
using Newtonsoft.Json;
using Nop.Core;
using Nop.Services.Catalog;
using Nop.Services.Directory;
using Nop.Services.Localization;

namespace Nop.Plugin.Misc.Gameball.Services.Redemption;

/// <summary>What the redemption box shows, every string localized and every amount in the shopper's currency.</summary>
public sealed record RedemptionResponse
{
    /// <summary>ok, signin, disabled, empty or error.</summary>
    [JsonProperty("status")] public required string Status { get; init; }

    [JsonProperty("message")] public string? Message { get; init; }

    [JsonProperty("balance")] public RedemptionText? Balance { get; init; }

    [JsonProperty("rules")] public RedemptionText? Rules { get; init; }

    [JsonProperty("min")] public long Min { get; init; }

    [JsonProperty("max")] public long Max { get; init; }

    [JsonProperty("canRedeem")] public bool CanRedeem { get; init; }

    [JsonProperty("applied")] public RedemptionText? Applied { get; init; }

    [JsonProperty("appliedPoints")] public long? AppliedPoints { get; init; }

    /// <summary>The card's code, so the box can name the totals line it makes "points redeemed" (only ever this shopper's).</summary>
    [JsonProperty("code")] public string? Code { get; init; }

    [JsonProperty("lineLabel")] public string? LineLabel { get; init; }
}

/// <summary>A localized sentence and the numbers that go into its {0}, {1}: the box isolates each number (bdi) so it reads right in either direction.</summary>
public sealed record RedemptionText([property: JsonProperty("text")] string Text, [property: JsonProperty("args")] IReadOnlyList<string> Args);

public class RedemptionPresenter
{
    private readonly ICurrencyService _currencyService;
    private readonly ILocalizationService _localizationService;
    private readonly IPriceFormatter _priceFormatter;
    private readonly IWorkContext _workContext;

    public RedemptionPresenter(ICurrencyService currencyService, ILocalizationService localizationService, IPriceFormatter priceFormatter, IWorkContext workContext)
    {
        _currencyService = currencyService;
        _localizationService = localizationService;
        _priceFormatter = priceFormatter;
        _workContext = workContext;
    }

    public async Task<RedemptionResponse> PresentAsync(RedemptionState state)
    {
        switch (state.Outcome)
        {
            case RedemptionOutcome.Disabled:
                return new RedemptionResponse { Status = "disabled" };
            case RedemptionOutcome.SignInRequired:
                return new RedemptionResponse { Status = "signin", Message = await TextAsync("SignIn") };
            case RedemptionOutcome.EmptyCart:
                return new RedemptionResponse { Status = "empty" };
            case RedemptionOutcome.Ok:
                break;
            default:
                return new RedemptionResponse
                {
                    Status = "error",
                    Message = await TextAsync("Error." + state.Outcome),
                    Applied = state.Active is null ? null : await AppliedAsync(state.Active),
                    AppliedPoints = state.Active?.Points,
                    Code = state.Active?.GiftCardCode,
                    LineLabel = state.Active is null ? null : await TextAsync("Line"),
                    Min = state.Limits?.MinimumPoints ?? 0,
                    Max = state.Limits?.MaximumPoints ?? 0,
                };
        }

        var limits = state.Limits!;
        var active = state.Active;
        return new RedemptionResponse
        {
            Status = "ok",
            Balance = new RedemptionText(await TextAsync("Balance"), [Points(limits.AvailablePoints), await MoneyAsync(limits.AvailableValue)]),
            Rules = limits.CanRedeem
                ? new RedemptionText(await TextAsync("Range"), [Points(Math.Max(1, limits.MinimumPoints)), Points(limits.MaximumPoints)])
                : new RedemptionText(await TextAsync(limits.AvailablePoints < limits.MinimumPoints ? "BelowMinimum" : "NothingToRedeem"), [Points(limits.MinimumPoints)]),
            Min = Math.Max(1, limits.MinimumPoints),
            Max = limits.MaximumPoints,
            CanRedeem = limits.CanRedeem,
            Applied = active is null ? null : await AppliedAsync(active),
            AppliedPoints = active?.Points,
            Code = active?.GiftCardCode,
            LineLabel = active is null ? null : await TextAsync("Line"),
        };
    }

    private async Task<RedemptionText> AppliedAsync(PointsHold hold) =>
        new(await TextAsync("Applied"), [Points(hold.HoldPoints), await MoneyAsync(hold.HoldAmount)]);

    private Task<string> TextAsync(string key) => _localizationService.GetResourceAsync("Plugins.Misc.Gameball.Redemption." + key);

    private static string Points(decimal points) => points.ToString("#,0", CultureInfo.CurrentCulture);

    private async Task<string> MoneyAsync(decimal primaryAmount)
    {
        var currency = await _workContext.GetWorkingCurrencyAsync();
        var amount = currency is null ? primaryAmount : await _currencyService.ConvertFromPrimaryStoreCurrencyAsync(primaryAmount, currency);
        return await _priceFormatter.FormatPriceAsync(amount);
    }
}
