using Nop.Plugin.Misc.Gameball.Tests.Support;
using OpenQA.Selenium.Chrome;

namespace Nop.Plugin.Misc.Gameball.Tests.Browser;

/// <summary>
/// A demo store and a headless Chromium (Debian's chromium and chromium-driver) per test. Without them
/// the browser tests are skipped on a developer's machine and fail in CI.
/// </summary>
public abstract class BrowserTest
{
    private const string Chromium = "/usr/bin/chromium";
    private const string ChromeDriverFolder = "/usr/bin";

    protected DemoStore Demo { get; private set; } = null!;

    protected ChromeDriver Browser { get; private set; } = null!;

    [OneTimeSetUp]
    public void RequireChromium()
    {
        if (File.Exists(Chromium) && File.Exists(Path.Combine(ChromeDriverFolder, "chromedriver")))
            return;
        const string message = "Debian's chromium and chromium-driver are not installed (apt-get install chromium chromium-driver; .ci/run does).";
        if (Environment.GetEnvironmentVariable("CI") == "true")
            Assert.Fail(message);
        Assert.Ignore(message);
    }

    [SetUp]
    public async Task StartBrowserAsync()
    {
        Demo = await DemoStore.StartAsync();
        var options = new ChromeOptions { BinaryLocation = Chromium };
        options.AddArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
            "--disable-sync", "--no-first-run", "--disable-quic", "--window-size=1000,700",
            "--user-data-dir=" + Path.Combine(Path.GetTempPath(), "gameball-chromium-" + Guid.NewGuid().ToString("N")));
        var service = ChromeDriverService.CreateDefaultService(ChromeDriverFolder, "chromedriver");
        service.SuppressInitialDiagnosticInformation = true;
        Browser = new ChromeDriver(service, options, TimeSpan.FromSeconds(60));
    }

    [TearDown]
    public async Task StopBrowserAsync()
    {
        Browser.Quit();
        Browser.Dispose();
        await Demo.DisposeAsync();
    }

    /// <summary>A screenshot with the element in the middle of the window.</summary>
    protected void ScreenshotOf(OpenQA.Selenium.IWebElement element, string name)
    {
        Browser.ExecuteScript("arguments[0].scrollIntoView({ block: 'center' });", element);
        Screenshot(name);
    }

    /// <summary>Written on every run to artifacts/screenshots; docs/screenshots holds the copies the README shows.</summary>
    protected void Screenshot(string name)
    {
        var folder = Path.Combine(TestPaths.RepositoryRoot, "artifacts", "screenshots");
        Directory.CreateDirectory(folder);
        Browser.GetScreenshot().SaveAsFile(Path.Combine(folder, name));
    }
}
