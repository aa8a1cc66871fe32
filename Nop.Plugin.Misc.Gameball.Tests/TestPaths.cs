using System.Reflection;

namespace Nop.Plugin.Misc.Gameball.Tests;

/// <summary>
/// Where the build put things, as the test project's build recorded it.
/// </summary>
internal static class TestPaths
{
    public static string RepositoryRoot => Metadata("RepositoryRoot");

    public static string NuGetPackageRoot => Metadata("NuGetPackageRoot");

    /// <summary>The demo store's stand-ins for nopCommerce's admin area.</summary>
    public static string DemoAssets => Path.Combine(RepositoryRoot, "Nop.Plugin.Misc.Gameball.Tests", "DemoAssets");

    /// <summary>jQuery, DataTables and moment as nopCommerce's admin area ships them (npm ci in DemoAssets).</summary>
    public static string AdminScriptLibraries => Path.Combine(DemoAssets, "node_modules");

    public static string PluginFolder => Path.Combine(RepositoryRoot, "artifacts", "plugin", "Misc.Gameball");

    public static string PluginZip => Path.Combine(RepositoryRoot, "artifacts", "Misc.Gameball.zip");

    public static string PluginAssembly => Path.Combine(PluginFolder, "Nop.Plugin.Misc.Gameball.dll");

    private static string Metadata(string key) =>
        typeof(TestPaths).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == key).Value
        ?? throw new InvalidOperationException($"The build did not record {key}.");
}
