namespace Nop.Plugin.Misc.Gameball.Models;

/// <summary>The hidden placeholder a page renders; the script fills it in after the page has loaded.</summary>
public sealed record PointsPreviewModel
{
    /// <summary>"product" or "cart".</summary>
    public required string Kind { get; init; }

    /// <summary>The products of the page: one, or each associated product of a grouped product.</summary>
    public IReadOnlyList<int> ProductIds { get; init; } = [];

    public required string EndpointUrl { get; init; }

    public required string ScriptUrl { get; init; }

    /// <summary>The plugin's stylesheet, a static file of the plugin folder; the script adds it to the page once.</summary>
    public string StylesUrl { get; init; } = string.Empty;
}
