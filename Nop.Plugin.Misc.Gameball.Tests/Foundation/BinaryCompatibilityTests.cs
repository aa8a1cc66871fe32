namespace Nop.Plugin.Misc.Gameball.Tests.Foundation;

[TestFixture]
public class BinaryCompatibilityTests
{
    private static AssemblyReferenceGuard CreateGuard(string folder) => new(
        AssemblyReferenceGuard.LoadNet9SharedFrameworkNames(TestPaths.NuGetPackageRoot),
        Directory.GetFiles(folder, "*.dll").Select(Path.GetFileNameWithoutExtension)!);

    [Test]
    public void PluginAssemblyReferencesOnlyWhatANopCommerce490HostLoads()
    {
        var guard = CreateGuard(TestPaths.PluginFolder);

        guard.FindViolations(TestPaths.PluginAssembly).Should().BeEmpty();
    }

    [Test]
    public void DllsShippedWithThePluginReferenceOnlyWhatTheHostLoads()
    {
        var guard = CreateGuard(TestPaths.PluginFolder);
        var shipped = Directory.GetFiles(TestPaths.PluginFolder, "*.dll").Where(f => f != TestPaths.PluginAssembly).ToList();

        shipped.Should().NotBeEmpty("the plugin ships Polly.Core");
        foreach (var dll in shipped)
            guard.FindViolations(dll).Should().BeEmpty($"{Path.GetFileName(dll)} is shipped in the plugin folder");
    }

    [Test]
    public void PluginFolderShipsNoHostAssembly()
    {
        var dlls = Directory.GetFiles(TestPaths.PluginFolder, "*.dll").Select(Path.GetFileName).ToList();

        dlls.Should().NotContain(d => d!.StartsWith("Nop.", StringComparison.OrdinalIgnoreCase) && d != "Nop.Plugin.Misc.Gameball.dll");
        dlls.Should().NotContain(d => d!.StartsWith("Newtonsoft.", StringComparison.OrdinalIgnoreCase) || d!.StartsWith("FluentValidation", StringComparison.OrdinalIgnoreCase));
    }

    [Test]
    public void GuardRejectsAnAssemblyWithForeignReferences()
    {
        // the test assembly references NUnit, Moq and Autofac: a host would not load it as a plugin
        var guard = CreateGuard(TestPaths.PluginFolder);
        var testAssembly = typeof(BinaryCompatibilityTests).Assembly.Location;

        var violations = guard.FindViolations(testAssembly);

        violations.Should().Contain(v => v.StartsWith("nunit.framework"));
        violations.Should().Contain(v => v.StartsWith("Moq"));
        violations.Should().Contain(v => v.StartsWith("Autofac") && v.Contains("pins"));
        // the test project decrypts session tokens with Microsoft.IdentityModel, which the host pins
        violations.Should().Contain(v => v.StartsWith("Microsoft.IdentityModel.JsonWebTokens") && v.Contains("pins"));
    }

    [Test]
    public void TheSessionTokenNeedsNoJoseLibraryAndTheHostsIdentityModelIsNotShipped()
    {
        var references = AssemblyReferenceGuard.ReadReferences(TestPaths.PluginAssembly).Select(r => r.Name).ToList();
        var dlls = Directory.GetFiles(TestPaths.PluginFolder, "*.dll").Select(Path.GetFileName).ToList();

        // the token is built on .NET's own cryptography (System.Security.Cryptography, shared framework)
        references.Should().NotContain(r => r.Contains("IdentityModel", StringComparison.OrdinalIgnoreCase) || r.Contains("jose", StringComparison.OrdinalIgnoreCase));
        dlls.Should().NotContain(d => d!.Contains("IdentityModel", StringComparison.OrdinalIgnoreCase), "Microsoft.IdentityModel.* is the host's (through Microsoft.Data.SqlClient)");
    }

    [Test]
    public void PluginCompilesAgainstNopCommerce490Assemblies()
    {
        var nopReferences = AssemblyReferenceGuard.ReadReferences(TestPaths.PluginAssembly).Where(r => r.Name.StartsWith("Nop.", StringComparison.Ordinal)).ToList();

        nopReferences.Should().NotBeEmpty();
        nopReferences.Should().OnlyContain(r => r.Version == new Version(4, 90, 0, 0));
    }
}
