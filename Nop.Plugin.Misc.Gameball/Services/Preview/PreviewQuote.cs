using Nop.Plugin.Misc.Gameball.Services.Api.Models;

namespace Nop.Plugin.Misc.Gameball.Services.Preview;

/// <summary>
/// What a shopper would pay, priced as nopCommerce shows it to them (in the primary currency), ready to ask
/// Gameball about; the cache key names everything the answer depends on.
/// </summary>
public sealed record PreviewQuote(string CacheKey, CalculateCashbackRequest Request);

/// <summary>Gameball's answer for a quote: the points, and the campaign behind extra points, if any.</summary>
public sealed record PointsPreview(decimal Points, string? CampaignName, DateTime? CampaignEndsUtc);
