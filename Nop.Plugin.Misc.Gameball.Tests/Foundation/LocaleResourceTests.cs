using System.Text.RegularExpressions;

namespace Nop.Plugin.Misc.Gameball.Tests.Foundation;

[TestFixture]
public partial class LocaleResourceTests
{
    [GeneratedRegex(@"""(Plugins\.Misc\.Gameball\.[A-Za-z0-9_.]+)""")]
    private static partial Regex ResourceKeyLiteral();

    [Test]
    public void EveryResourceKeyUsedInCodeAndViewsIsInstalled()
    {
        var pluginSource = Path.Combine(TestPaths.RepositoryRoot, "Nop.Plugin.Misc.Gameball");
        var files = Directory.GetFiles(pluginSource, "*.cs", SearchOption.AllDirectories)
            .Concat(Directory.GetFiles(pluginSource, "*.cshtml", SearchOption.AllDirectories))
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}") && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}")
                && !f.EndsWith("GameballLocaleResources.cs", StringComparison.Ordinal));

        var used = files.SelectMany(f => ResourceKeyLiteral().Matches(File.ReadAllText(f)).Select(m => (Key: m.Groups[1].Value, File: Path.GetFileName(f)))).ToList();

        // a key ending in "." is a prefix completed at run time (a status name): some resource must complete it
        used.Where(u => u.Key.EndsWith('.') ? !GameballLocaleResources.English.Keys.Any(k => k.StartsWith(u.Key, StringComparison.Ordinal)) : !GameballLocaleResources.English.ContainsKey(u.Key))
            .Should().BeEmpty("every string the plugin shows is a locale resource installed with the plugin");
    }

    [Test]
    public void EverySyncStatusHasAName()
    {
        Enum.GetNames<Services.Outbox.SyncStatus>().Should().OnlyContain(s => GameballLocaleResources.English.ContainsKey("Plugins.Misc.Gameball.SyncLog.Status." + s));
    }

    [Test]
    public void EveryFieldLabelHasAHint()
    {
        var labels = GameballLocaleResources.English.Keys.Where(k => k.StartsWith("Plugins.Misc.Gameball.Fields.", StringComparison.Ordinal) && k.Count(c => c == '.') == 4);

        labels.Should().NotBeEmpty().And.OnlyContain(k => GameballLocaleResources.English.ContainsKey(k + ".Hint"));
    }
}
