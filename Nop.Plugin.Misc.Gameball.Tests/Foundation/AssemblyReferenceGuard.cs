using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;

namespace Nop.Plugin.Misc.Gameball.Tests.Foundation;

/// <summary>
/// Decides whether an assembly may be loaded by a nopCommerce 4.90 host: it may reference only the
/// nopCommerce assemblies at 4.90.0.0, the .NET 9 / ASP.NET Core 9 shared framework, the libraries the
/// host ships at the versions it ships (Newtonsoft.Json 13, FluentValidation 11), and dlls shipped
/// next to it in the plugin folder.
/// </summary>
internal sealed class AssemblyReferenceGuard
{
    private static readonly string[] _nopAssemblies = ["Nop.Core", "Nop.Data", "Nop.Services", "Nop.Web.Framework", "Nop.Web"];

    private static readonly Dictionary<string, Version> _hostLibraries = new(StringComparer.OrdinalIgnoreCase)
    {
        ["Newtonsoft.Json"] = new(13, 0, 0, 0),
        ["FluentValidation"] = new(11, 0, 0, 0),
    };

    // nopCommerce loads these at fixed versions; a plugin must neither reference nor ship them
    // (Microsoft.IdentityModel.* and System.IdentityModel.* come with the host's Microsoft.Data.SqlClient)
    private static readonly string[] _hostPinned = ["Microsoft.IdentityModel.", "System.IdentityModel.", "Microsoft.Data.SqlClient", "FluentMigrator", "linq2db", "AutoMapper", "Autofac", "Nito.", "Humanizer", "MailKit", "MimeKit", "ClosedXML", "WebMarkupMin", "WebOptimizer", "System.Linq.Dynamic.Core", "System.Linq.Async"];

    private readonly HashSet<string> _sharedFramework;
    private readonly HashSet<string> _shippedAlongside;

    public AssemblyReferenceGuard(IEnumerable<string> sharedFrameworkNames, IEnumerable<string> shippedAlongside)
    {
        _sharedFramework = new(sharedFrameworkNames, StringComparer.OrdinalIgnoreCase);
        _shippedAlongside = new(shippedAlongside, StringComparer.OrdinalIgnoreCase);
    }

    /// <summary>The shared framework of .NET 9 as the targeting packs restored for this build list it.</summary>
    public static IReadOnlyList<string> LoadNet9SharedFrameworkNames(string nugetPackageRoot)
    {
        var names = new List<string>();
        foreach (var pack in new[] { "microsoft.netcore.app.ref", "microsoft.aspnetcore.app.ref" })
        {
            var packRoot = Path.Combine(nugetPackageRoot, pack);
            var version = Directory.Exists(packRoot)
                ? Directory.GetDirectories(packRoot).Where(d => Path.GetFileName(d).StartsWith("9.", StringComparison.Ordinal)).OrderBy(d => d, StringComparer.Ordinal).LastOrDefault()
                : null;
            if (version is null)
                throw new InvalidOperationException($"No .NET 9 targeting pack {pack} under {nugetPackageRoot}.");
            names.AddRange(Directory.GetFiles(Path.Combine(version, "ref", "net9.0"), "*.dll").Select(Path.GetFileNameWithoutExtension)!);
        }

        return names;
    }

    public static IReadOnlyList<(string Name, Version Version)> ReadReferences(string assemblyPath)
    {
        using var stream = File.OpenRead(assemblyPath);
        using var pe = new PEReader(stream);
        var reader = pe.GetMetadataReader();
        return [.. reader.AssemblyReferences.Select(h => reader.GetAssemblyReference(h)).Select(r => (reader.GetString(r.Name), r.Version))];
    }

    /// <summary>Every reference the host would refuse, with the reason; empty when the assembly may load.</summary>
    public IReadOnlyList<string> FindViolations(string assemblyPath)
    {
        var violations = new List<string>();
        foreach (var (name, version) in ReadReferences(assemblyPath))
        {
            if (_hostPinned.Any(p => name.StartsWith(p, StringComparison.OrdinalIgnoreCase)))
                violations.Add($"{name} {version}: nopCommerce pins this library; the plugin must not reference it");
            else if (_nopAssemblies.Contains(name))
            {
                if (version != new Version(4, 90, 0, 0))
                    violations.Add($"{name} {version}: nopCommerce 4.90 assemblies are 4.90.0.0");
            }
            else if (_hostLibraries.TryGetValue(name, out var hostVersion))
            {
                if (version != hostVersion)
                    violations.Add($"{name} {version}: the host ships {hostVersion}");
            }
            else if (_sharedFramework.Contains(name))
            {
                if (version.Major > 9)
                    violations.Add($"{name} {version}: above the .NET 9 shared framework");
            }
            else if (!_shippedAlongside.Contains(name))
                violations.Add($"{name} {version}: neither nopCommerce, the shared framework nor shipped in the plugin folder");
        }

        return violations;
    }
}
