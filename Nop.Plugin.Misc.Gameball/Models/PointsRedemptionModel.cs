namespace Nop.Plugin.Misc.Gameball.Models;

/// <summary>The redemption box's placeholder: the script asks <see cref="StateUrl"/> once the page has loaded.</summary>
public sealed record PointsRedemptionModel
{
    public required string StateUrl { get; init; }

    public required string ApplyUrl { get; init; }

    public required string RemoveUrl { get; init; }

    /// <summary>nopCommerce's order totals, rendered again after a change where the page cannot reload (the one-page checkout's confirm step).</summary>
    public string TotalsUrl { get; init; } = string.Empty;

    public required string ScriptUrl { get; init; }

    public string StylesUrl { get; init; } = string.Empty;

    public string LoginUrl { get; init; } = "/login";
}
