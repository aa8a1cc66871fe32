using System.Reflection;
using Microsoft.AspNetCore.Mvc;
using Nop.Plugin.Misc.Gameball.Controllers;
using Nop.Web.Framework.Mvc.Filters;

namespace Nop.Plugin.Misc.Gameball.Tests.Admin;

/// <summary>
/// Every admin action checks a nopCommerce permission and every POST validates the antiforgery token;
/// a shopper or an anonymous caller gets nothing.
/// </summary>
[TestFixture]
public class AdminSecurityTests
{
    private static IEnumerable<MethodInfo> Actions => typeof(GameballAdminController).GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly);

    private static IEnumerable<string> PermissionsOf(string action, Type? parameterType = null) =>
        Actions.Where(m => m.Name == action && (parameterType is null || m.GetParameters().Any(p => p.ParameterType == parameterType)))
            .SelectMany(m => m.GetCustomAttributes<CheckPermissionAttribute>()).SelectMany(a => a.PermissionSystemName);

    [Test]
    public void TheControllerIsAdminOnlyAndValidatesAntiforgeryOnEveryPost()
    {
        var controller = typeof(GameballAdminController);

        controller.GetCustomAttribute<AreaAttribute>()!.RouteValue.Should().Be("Admin");
        controller.GetCustomAttribute<AuthorizeAdminAttribute>().Should().NotBeNull("only the admin area's users get in at all");
        controller.GetCustomAttribute<AutoValidateAntiforgeryTokenAttribute>().Should().NotBeNull("every POST must carry the antiforgery token");
        Actions.Should().NotContain(m => m.GetCustomAttribute<IgnoreAntiforgeryTokenAttribute>() != null);
    }

    [Test]
    public void EveryActionChecksAPermission()
    {
        Actions.Should().OnlyContain(m => m.GetCustomAttributes<CheckPermissionAttribute>().Any(), "no admin action is open to any admin");
    }

    [Test]
    public void EachActionChecksTheRightPermission()
    {
        PermissionsOf("Configure").Should().OnlyContain(p => p == "Configuration.ManagePlugins");
        PermissionsOf("TestConnection").Should().Equal("Configuration.ManagePlugins");
        PermissionsOf("SyncLog").Should().Equal("Configuration.ManagePlugins");
        PermissionsOf("SyncLogList").Should().Equal("Configuration.ManagePlugins");
        PermissionsOf("RetryAllFailed").Should().Equal("Configuration.ManagePlugins");
        PermissionsOf("RetryOrder").Should().BeEquivalentTo("Configuration.ManagePlugins", "Orders.OrdersCreateEditDelete");
        PermissionsOf("AwardCashback").Should().Equal("Customers.CustomersCreateEditDelete");
        PermissionsOf("CustomerBalance").Should().Equal("Customers.CustomersView");
        PermissionsOf("Retry").Should().Equal("Configuration.ManagePlugins");
        PermissionsOf("CustomerAwards").Should().Equal("Customers.CustomersView");
    }

    [Test]
    public void EveryStateChangingActionIsAPost()
    {
        // SyncLogList only reads, but it is a POST as nopCommerce's grids send it, so the token is checked too
        foreach (var name in new[] { "TestConnection", "SyncLogList", "Retry", "RetryOrder", "RetryAllFailed", "AwardCashback" })
            Actions.Where(m => m.Name == name).Should().OnlyContain(m => m.GetCustomAttribute<HttpPostAttribute>() != null, name);
        Actions.Where(m => m.Name == "Configure" && m.GetParameters().Length == 1).Should().OnlyContain(m => m.GetCustomAttribute<HttpPostAttribute>() != null);
    }

    [Test]
    public void PublicControllerChangesNothing()
    {
        // the preview endpoints read; the one POST ignores antiforgery because it only prices and previews
        var actions = typeof(GameballPreviewController).GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly);

        actions.Select(a => a.Name).Should().BeEquivalentTo("ProductPointsPreview", "CartPointsPreview", "Script");
    }
}
