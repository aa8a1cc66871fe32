namespace Nop.Plugin.Misc.Gameball.Services;

/// <summary>
/// Which widget zones the plugin renders in, and which view component renders each.
/// </summary>
public class GameballWidgetZones
{
    private static readonly IReadOnlyDictionary<string, Type> _componentsByZone = new Dictionary<string, Type>(StringComparer.OrdinalIgnoreCase);

    public Task<IList<string>> GetZonesAsync() => Task.FromResult<IList<string>>([.. _componentsByZone.Keys]);

    public Type GetViewComponent(string widgetZone) =>
        _componentsByZone.TryGetValue(widgetZone, out var type)
            ? type
            : throw new ArgumentOutOfRangeException(nameof(widgetZone), widgetZone, "The Gameball plugin does not render in this widget zone.");
}
