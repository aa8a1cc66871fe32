using System.Globalization;
using Newtonsoft.Json;
using Nop.Core;
using Nop.Services.Localization;

namespace Nop.Plugin.Misc.Gameball.Services.Preview;

/// <summary>What the page's script receives: whether to show the preview, and its text in the shopper's language.</summary>
public sealed record PointsPreviewResponse
{
    public static PointsPreviewResponse Hidden { get; } = new() { Show = false };

    [JsonProperty("show")] public bool Show { get; init; }
    [JsonProperty("points")] public decimal? Points { get; init; }
    /// <summary>The whole sentence, campaign included: the product page's line.</summary>
    [JsonProperty("text")] public string? Text { get; init; }

    /// <summary>Just the points ("137 points"): the value cell of the order totals row.</summary>
    [JsonProperty("value")] public string? Value { get; init; }

    /// <summary>The campaign that adds points, if any: a note under the totals row's label.</summary>
    [JsonProperty("note")] public string? Note { get; init; }
}

/// <summary>Turns a preview into the shopper's words: a locale resource with the points, plus the campaign if one adds points.</summary>
public class PreviewPresenter
{
    public const string ProductResource = "Plugins.Misc.Gameball.Preview.Product";
    public const string CartResource = "Plugins.Misc.Gameball.Preview.Cart";
    public const string CampaignResource = "Plugins.Misc.Gameball.Preview.Campaign";
    public const string CampaignEndsResource = "Plugins.Misc.Gameball.Preview.CampaignEnds";
    public const string PointsResource = "Plugins.Misc.Gameball.Preview.Points";

    private readonly ILocalizationService _localizationService;
    private readonly IWorkContext _workContext;

    public PreviewPresenter(ILocalizationService localizationService, IWorkContext workContext)
    {
        _localizationService = localizationService;
        _workContext = workContext;
    }

    public Task<PointsPreviewResponse> ForProductAsync(PointsPreview? preview) => PresentAsync(preview, ProductResource);

    public Task<PointsPreviewResponse> ForCartAsync(PointsPreview? preview) => PresentAsync(preview, CartResource);

    private async Task<PointsPreviewResponse> PresentAsync(PointsPreview? preview, string resource)
    {
        var points = preview is null ? 0 : Math.Floor(preview.Points);
        if (points <= 0)
            return PointsPreviewResponse.Hidden;

        var language = await _workContext.GetWorkingLanguageAsync();
        var culture = Culture(language?.LanguageCulture);
        var formatted = points.ToString("N0", culture);
        var text = string.Format(culture, await _localizationService.GetResourceAsync(resource), formatted);
        string? note = null;
        if (!string.IsNullOrWhiteSpace(preview!.CampaignName))
        {
            // the text is set as plain text: in a right-to-left language the campaign's name (often Latin, maybe
            // ending in a digit or a bracket) is isolated with Unicode's first-strong isolate, as <bdi> would
            var campaign = language?.Rtl == true ? FirstStrongIsolate + preview.CampaignName + PopDirectionalIsolate : preview.CampaignName;
            note = preview.CampaignEndsUtc is { } ends
                ? string.Format(culture, await _localizationService.GetResourceAsync(CampaignEndsResource), campaign, ends.ToString("d", culture))
                : string.Format(culture, await _localizationService.GetResourceAsync(CampaignResource), campaign);
            text += " " + note;
        }

        var value = string.Format(culture, await _localizationService.GetResourceAsync(PointsResource), formatted);
        return new PointsPreviewResponse { Show = true, Points = points, Text = text, Value = value, Note = note };
    }

    private const char FirstStrongIsolate = '\u2068';
    private const char PopDirectionalIsolate = '\u2069';

    private static CultureInfo Culture(string? name)
    {
        try
        {
            return string.IsNullOrWhiteSpace(name) ? CultureInfo.InvariantCulture : CultureInfo.GetCultureInfo(name);
        }
        catch (CultureNotFoundException)
        {
            return CultureInfo.InvariantCulture;
        }
    }
}
