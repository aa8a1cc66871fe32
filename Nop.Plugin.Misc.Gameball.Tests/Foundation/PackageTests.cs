using System.IO.Compression;
using Nop.Services.Plugins;

namespace Nop.Plugin.Misc.Gameball.Tests.Foundation;

/// <summary>
/// The zip a store owner uploads in admin > Local plugins > "Upload plugin or theme".
/// </summary>
[TestFixture]
public class PackageTests
{
    private static List<string> ZipEntries()
    {
        using var zip = ZipFile.OpenRead(TestPaths.PluginZip);
        return [.. zip.Entries.Where(e => !e.FullName.EndsWith('/')).Select(e => e.FullName.Replace('\\', '/'))];
    }

    [Test]
    public void ZipHasOneRootFolderNamedAfterTheSystemName()
    {
        var roots = ZipEntries().Select(e => e.Split('/')[0]).Distinct().ToList();

        roots.Should().Equal("Misc.Gameball");
    }

    [Test]
    public void ZipHoldsThePluginDllDescriptorLogoViewsStylesAndShippedPackagesOnly()
    {
        var entries = ZipEntries().Select(e => e["Misc.Gameball/".Length..]).ToList();

        entries.Should().Contain(["Nop.Plugin.Misc.Gameball.dll", "plugin.json", "logo.png"]);
        entries.Should().OnlyContain(e =>
            e == "Nop.Plugin.Misc.Gameball.dll" || e == "plugin.json" || e == "logo.png"
            || (e.StartsWith("Views/", StringComparison.Ordinal) && e.EndsWith(".cshtml", StringComparison.Ordinal))
            || (e.StartsWith("Content/", StringComparison.Ordinal) && e.EndsWith(".css", StringComparison.Ordinal))
            || (e.EndsWith(".dll", StringComparison.Ordinal) && !e.Contains('/')));
        entries.Where(e => e.EndsWith(".dll", StringComparison.Ordinal)).Should()
            .NotContain(e => e.StartsWith("Nop.", StringComparison.Ordinal) && e != "Nop.Plugin.Misc.Gameball.dll", "host assemblies are never shipped")
            .And.Contain("Polly.Core.dll");
    }

    [Test]
    public void ZipCarriesEveryViewOfThePlugin()
    {
        var sourceViews = Directory.GetFiles(Path.Combine(TestPaths.RepositoryRoot, "Nop.Plugin.Misc.Gameball", "Views"), "*.cshtml", SearchOption.AllDirectories)
            .Select(f => "Misc.Gameball/Views/" + Path.GetRelativePath(Path.Combine(TestPaths.RepositoryRoot, "Nop.Plugin.Misc.Gameball", "Views"), f).Replace('\\', '/'));

        ZipEntries().Should().Contain(sourceViews);
    }

    [Test]
    public void ZipCarriesThePreviewStylesheetWhereTheWidgetLinksIt()
    {
        // nopCommerce serves ~/Plugins/<folder>/... as static files; the widget links GameballDefaults.PreviewStylesPath
        var path = GameballDefaults.PreviewStylesPath["~/Plugins/".Length..];

        ZipEntries().Should().Contain(path);
    }

    [Test]
    public void PluginJsonInTheZipReadsAsANopCommerce490Descriptor()
    {
        using var zip = ZipFile.OpenRead(TestPaths.PluginZip);
        using var reader = new StreamReader(zip.GetEntry("Misc.Gameball/plugin.json")!.Open());

        var descriptor = PluginDescriptor.GetPluginDescriptorFromText(reader.ReadToEnd());

        descriptor.SystemName.Should().Be("Misc.Gameball");
        descriptor.Group.Should().Be("Misc");
        descriptor.SupportedVersions.Should().Contain(v => string.Equals(v, "4.90", StringComparison.OrdinalIgnoreCase));
        descriptor.AssemblyFileName.Should().Be("Nop.Plugin.Misc.Gameball.dll");
        descriptor.FriendlyName.Should().NotBeNullOrWhiteSpace();
        descriptor.Description.Should().NotBeNullOrWhiteSpace();
        descriptor.Author.Should().NotBeNullOrWhiteSpace();
        descriptor.Version.Should().MatchRegex(@"^4\.90\.\d+$");
        ZipEntries().Should().Contain("Misc.Gameball/" + descriptor.AssemblyFileName, "nopCommerce loads FileName from the plugin folder itself");
    }

    [Test]
    public void LogoIsAPngOfTheSizeThePluginListShows()
    {
        using var zip = ZipFile.OpenRead(TestPaths.PluginZip);
        using var stream = zip.GetEntry("Misc.Gameball/logo.png")!.Open();
        var header = new byte[24];
        stream.ReadExactly(header);

        header[..8].Should().Equal(0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A);
        var width = (header[16] << 24) | (header[17] << 16) | (header[18] << 8) | header[19];
        var height = (header[20] << 24) | (header[21] << 16) | (header[22] << 8) | header[23];
        (width, height).Should().Be((120, 120));
    }
}
