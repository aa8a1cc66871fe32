using Nop.Plugin.Misc.Gameball.Services.Admin;
using Nop.Services.Localization;
using Nop.Services.Plugins;
using Nop.Services.Security;
using Nop.Web.Framework.Events;
using Nop.Web.Framework.Menu;

namespace Nop.Plugin.Misc.Gameball.Tests.Admin;

/// <summary>The Gameball entry of nopCommerce's admin menu: where it goes, what it holds, who sees it.</summary>
[TestFixture]
public class AdminMenuTests
{
    private bool _mayManagePlugins;
    private bool _installed;

    [SetUp]
    public void SetUp() => (_mayManagePlugins, _installed) = (true, true);

    /// <summary>The top of nopCommerce's menu as AdminMenu builds it (system names of 4.90).</summary>
    private static AdminMenuItem NopRoot() => new()
    {
        SystemName = "Home",
        ChildNodes = new[] { "Dashboard", "Catalog", "Sales", "Customers", "Promotions", "Content management", "Configuration", "System", "Reports", "Help", "Third party plugins" }
            .Select(name => new AdminMenuItem { SystemName = name, Title = name }).ToList(),
    };

    private async Task<AdminMenuItem> BuildAsync(AdminMenuItem? root = null)
    {
        root ??= NopRoot();
        var localization = new Mock<ILocalizationService>();
        localization.Setup(l => l.GetResourceAsync(It.IsAny<string>())).ReturnsAsync((string key) => GameballLocaleResources.English.GetValueOrDefault(key, key));
        var permissions = new Mock<IPermissionService>();
        permissions.Setup(p => p.AuthorizeAsync(StandardPermission.Configuration.MANAGE_PLUGINS)).ReturnsAsync(() => _mayManagePlugins);
        var plugins = new Mock<IPluginManager<IPlugin>>();
        plugins.Setup(p => p.LoadPluginBySystemNameAsync(GameballDefaults.SystemName, null, 0)).ReturnsAsync(() => _installed ? Mock.Of<IPlugin>() : null!);
        var adminMenu = new Mock<IAdminMenu>();
        adminMenu.Setup(m => m.GetMenuItemUrl(It.IsAny<string>(), It.IsAny<string>())).Returns((string controller, string action) => $"/Admin/{controller}/{action}");

        await new GameballAdminMenu(localization.Object, permissions.Object, plugins.Object).HandleEventAsync(new AdminMenuCreatedEvent(adminMenu.Object, root));
        return root;
    }

    [Test]
    public async Task GameballFollowsPromotionsWithItsThreePages()
    {
        var root = await BuildAsync();

        root.ChildNodes.Select(n => n.SystemName).Should().ContainInOrder("Promotions", "Gameball", "Content management");
        var gameball = root.GetItemBySystemName("Gameball");
        gameball.Title.Should().Be("Gameball");
        gameball.ChildNodes.Select(n => (n.Title, n.Url)).Should().Equal(
            ("Configuration", "/Admin/GameballAdmin/Configure"),
            ("Sync log", "/Admin/GameballAdmin/SyncLog"),
            ("Send past orders and customers", "/Admin/GameballAdmin/Backfill"));
        gameball.ChildNodes.Should().OnlyContain(n => n.PermissionNames.SequenceEqual(new[] { StandardPermission.Configuration.MANAGE_PLUGINS }),
            "nopCommerce hides an item from admins without its permission");
    }

    [Test]
    public async Task WithoutPromotionsItGoesBeforeThirdPartyPlugins()
    {
        var root = NopRoot();
        root.ChildNodes.Remove(root.ChildNodes.Single(n => n.SystemName == "Promotions"));

        (await BuildAsync(root)).ChildNodes.Select(n => n.SystemName).Should().ContainInOrder("Help", "Gameball", "Third party plugins");
    }

    [Test]
    public async Task AdminsWhoMayNotManagePluginsDoNotSeeIt()
    {
        _mayManagePlugins = false;
        (await BuildAsync()).ContainsSystemName("Gameball").Should().BeFalse();
    }

    [Test]
    public async Task AnUninstalledPluginAddsNothing()
    {
        _installed = false;
        (await BuildAsync()).ContainsSystemName("Gameball").Should().BeFalse();
    }
}
