using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Mvc.ApplicationParts;
using Microsoft.AspNetCore.Mvc.Razor.Compilation;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.FileProviders;

namespace Nop.Plugin.Misc.Gameball.Tests.Views;

/// <summary>
/// Every .cshtml the plugin ships compiles against sdk/, at run time from the plugin's output folder as
/// nopCommerce compiles plugin views, so a broken view fails here instead of in a store.
/// </summary>
[TestFixture]
public class ViewCompilationTests
{
    private static string _root = null!;
    private static WebApplication _app = null!;

    [OneTimeSetUp]
    public static async Task StartAsync()
    {
        // nopCommerce serves a plugin's views from ~/Plugins/{SystemName}/Views
        _root = Path.Combine(Path.GetTempPath(), "gameball-views-" + Guid.NewGuid().ToString("N"));
        CopyDirectory(TestPaths.PluginFolder, Path.Combine(_root, "Plugins", "Misc.Gameball"));

        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            ApplicationName = typeof(ViewCompilationTests).Assembly.GetName().Name,
            ContentRootPath = _root,
        });
        builder.Services.AddControllersWithViews()
            .ConfigureApplicationPartManager(parts =>
            {
                parts.ApplicationParts.Add(new AssemblyPart(typeof(GameballPlugin).Assembly));
                parts.ApplicationParts.Add(new AssemblyPart(typeof(Nop.Web.Framework.Mvc.Razor.NopRazorPage<>).Assembly));
            })
            .AddRazorRuntimeCompilation(options => options.FileProviders.Add(new PhysicalFileProvider(_root)));
        _app = builder.Build();
        await Task.CompletedTask;
    }

    [OneTimeTearDown]
    public static async Task StopAsync()
    {
        await _app.DisposeAsync();
        Directory.Delete(_root, recursive: true);
    }

    public static IEnumerable<string> Views() =>
        Directory.GetFiles(Path.Combine(TestPaths.RepositoryRoot, "Nop.Plugin.Misc.Gameball", "Views"), "*.cshtml", SearchOption.AllDirectories)
            .Where(f => !Path.GetFileName(f).StartsWith('_'))
            .Select(f => "/Plugins/Misc.Gameball/Views/" + Path.GetFileName(f));

    [TestCaseSource(nameof(Views))]
    public async Task ViewCompiles(string view)
    {
        var compiler = _app.Services.GetRequiredService<IViewCompilerProvider>().GetCompiler();

        var compiled = await compiler.CompileAsync(view);

        compiled.Type.Should().NotBeNull($"{view} compiled to a page type");
        compiled.Type!.BaseType!.IsGenericType.Should().BeTrue();
        compiled.Type.BaseType.GetGenericTypeDefinition().Should().Be(typeof(Nop.Web.Framework.Mvc.Razor.NopRazorPage<>), "the plugin's _ViewImports makes every view a NopRazorPage, as in nopCommerce");
    }

    [Test]
    public void EveryViewIsCovered() => Views().Should().HaveCountGreaterThanOrEqualTo(5);

    private static void CopyDirectory(string from, string to)
    {
        Directory.CreateDirectory(to);
        foreach (var file in Directory.GetFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }
}
