namespace Nop.Plugin.Misc.Gameball.Tests.Api;

[TestFixture]
public class OpenApiSpecCopyTests
{
    [Test]
    public void TheFakeValidatesAgainstTheSameSpecAsSharedHolds()
    {
        var shared = Path.GetFullPath(Path.Combine(TestPaths.RepositoryRoot, "..", "shared", "gameball-openapi-v4.0.json"));
        if (!File.Exists(shared))
            Assert.Ignore($"No shared/ beside the repository ({shared}); nothing to compare with.");

        var copy = Path.Combine(TestPaths.RepositoryRoot, "Nop.Plugin.Misc.Gameball.FakeGameball", "Spec", "gameball-openapi-v4.0.json");

        File.ReadAllBytes(copy).Should().Equal(File.ReadAllBytes(shared), "the fake must validate against Gameball's published document as shared/ has it");
    }
}
