using Nop.Services.Events;
using Nop.Services.Localization;
using Nop.Services.Plugins;
using Nop.Services.Security;
using Nop.Web.Framework.Events;
using Nop.Web.Framework.Menu;

namespace Nop.Plugin.Misc.Gameball.Services.Admin;

/// <summary>
/// A "Gameball" entry in nopCommerce's admin menu (after Promotions: loyalty is a promotion) with the
/// configuration, the sync log and the backfill, for admins who may manage plugins, while the plugin is
/// installed. nopCommerce hides an item whose permission the admin lacks; the check here also keeps the
/// entry out for them when nopCommerce's own check is bypassed by a theme.
/// </summary>
public class GameballAdminMenu : IConsumer<AdminMenuCreatedEvent>
{
    public const string MenuSystemName = "Gameball";
    public const string InsertAfterSystemName = "Promotions";
    public const string FallbackBeforeSystemName = "Third party plugins";

    private readonly ILocalizationService _localizationService;
    private readonly IPermissionService _permissionService;
    private readonly IPluginManager<IPlugin> _pluginManager;

    public GameballAdminMenu(ILocalizationService localizationService, IPermissionService permissionService, IPluginManager<IPlugin> pluginManager)
    {
        _localizationService = localizationService;
        _permissionService = permissionService;
        _pluginManager = pluginManager;
    }

    public async Task HandleEventAsync(AdminMenuCreatedEvent eventMessage)
    {
        if (!await _permissionService.AuthorizeAsync(StandardPermission.Configuration.MANAGE_PLUGINS))
            return;
        // nopCommerce raises the event while the plugin is being installed or after it was uninstalled (until the restart)
        if (await _pluginManager.LoadPluginBySystemNameAsync(GameballDefaults.SystemName) is null)
            return;

        var permissions = new List<string> { StandardPermission.Configuration.MANAGE_PLUGINS };
        async Task<AdminMenuItem> ItemAsync(string systemName, string resource, string action, string icon) => new()
        {
            SystemName = systemName,
            Title = await _localizationService.GetResourceAsync(resource),
            Url = eventMessage.GetMenuItemUrl("GameballAdmin", action),
            IconClass = icon,
            PermissionNames = permissions,
        };

        var menu = new AdminMenuItem
        {
            SystemName = MenuSystemName,
            Title = await _localizationService.GetResourceAsync("Plugins.Misc.Gameball.Menu"),
            IconClass = "fas fa-gift",
            PermissionNames = permissions,
            ChildNodes =
            [
                await ItemAsync("Gameball.Configure", "Plugins.Misc.Gameball.Menu.Configure", "Configure", "far fa-dot-circle"),
                await ItemAsync("Gameball.SyncLog", "Plugins.Misc.Gameball.Menu.SyncLog", "SyncLog", "far fa-dot-circle"),
                await ItemAsync("Gameball.Backfill", "Plugins.Misc.Gameball.Menu.Backfill", "Backfill", "far fa-dot-circle"),
            ],
        };

        var root = eventMessage.RootMenuItem;
        if (!root.InsertAfter(InsertAfterSystemName, menu) && !root.InsertBefore(FallbackBeforeSystemName, menu))
            root.ChildNodes.Add(menu);
    }
}
