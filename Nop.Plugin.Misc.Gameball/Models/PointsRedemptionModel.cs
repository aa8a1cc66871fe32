namespace Nop.Plugin.Misc.Gameball.Models;

/// <summary>The redemption box's placeholder: the script asks <see cref="StateUrl"/> once the page has loaded.</summary>
public sealed record PointsRedemptionModel
{
    public required string StateUrl { get; init; }

    public required string ApplyUrl { get; init; }

    public required string RemoveUrl { get; init; }

    public required string ScriptUrl { get; init; }

    public string StylesUrl { get; init; } = string.Empty;

    public string LoginUrl { get; init; } = "/login";
}
