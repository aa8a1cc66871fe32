using Nop.Plugin.Misc.Gameball.FakeGameball;
using Nop.Plugin.Misc.Gameball.Tests.Support;
using OpenQA.Selenium;
using OpenQA.Selenium.Chrome;
using OpenQA.Selenium.Support.UI;

namespace Nop.Plugin.Misc.Gameball.Tests.Browser;

/// <summary>
/// The points preview as a shopper meets it: a real Chromium (Debian's chromium and chromium-driver,
/// headless) on the demo store's product page, the plugin's script talking to the plugin's endpoint,
/// which asks the fake Gameball.
/// </summary>
[TestFixture]
[NonParallelizable]
public class ProductPreviewBrowserTests
{
    private const string Chromium = "/usr/bin/chromium";
    private const string ChromeDriverFolder = "/usr/bin";

    private DemoStore _demo = null!;
    private ChromeDriver _browser = null!;
    private Nop.Core.Domain.Catalog.Product _bag = null!;

    [OneTimeSetUp]
    public void RequireChromium()
    {
        if (!File.Exists(Chromium) || !File.Exists(Path.Combine(ChromeDriverFolder, "chromedriver")))
        {
            const string message = "Debian's chromium and chromium-driver are not installed (apt-get install chromium chromium-driver; .ci/run does).";
            if (Environment.GetEnvironmentVariable("CI") == "true")
                Assert.Fail(message);
            Assert.Ignore(message);
        }
    }

    [SetUp]
    public async Task SetUp()
    {
        _demo = await DemoStore.StartAsync();
        _bag = _demo.Store.AddProduct("Leather weekender bag", 100m, "BAG-1");
        var options = new ChromeOptions { BinaryLocation = Chromium };
        options.AddArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
            "--disable-sync", "--no-first-run", "--disable-quic", "--window-size=1000,700", "--user-data-dir=" + Path.Combine(Path.GetTempPath(), "gameball-chromium-" + Guid.NewGuid().ToString("N")));
        var service = ChromeDriverService.CreateDefaultService(ChromeDriverFolder, "chromedriver");
        service.SuppressInitialDiagnosticInformation = true;
        _browser = new ChromeDriver(service, options, TimeSpan.FromSeconds(60));
    }

    [TearDown]
    public async Task TearDown()
    {
        _browser.Quit();
        _browser.Dispose();
        await _demo.DisposeAsync();
    }

    private IWebElement PreviewOf(int productId) => _browser.FindElement(By.CssSelector($"[data-gameball-preview='product'][data-product-id='{productId}']"));

    private string WaitForPreviewText(int productId, string expected)
    {
        var wait = new WebDriverWait(_browser, TimeSpan.FromSeconds(15));
        return wait.Until(_ =>
        {
            var preview = PreviewOf(productId);
            return preview.Displayed && preview.Text == expected ? preview.Text : null;
        })!;
    }

    private void Screenshot(string name)
    {
        // written on every run; docs/screenshots/ holds the copies the README shows
        var folder = Path.Combine(TestPaths.RepositoryRoot, "artifacts", "screenshots");
        Directory.CreateDirectory(folder);
        _browser.GetScreenshot().SaveAsFile(Path.Combine(folder, name));
    }

    [Test]
    public void TheProductPageShowsThePointsGameballComputes()
    {
        _browser.Navigate().GoToUrl($"{_demo.BaseUrl}/product/{_bag.Id}");

        WaitForPreviewText(_bag.Id, "Buy this and earn 110 points").Should().NotBeNull();
        Screenshot("product-preview.png");
        _demo.Fake.Requests.Should().ContainSingle(r => r.Path.EndsWith("/orders/cashback", StringComparison.Ordinal)).Which.Violations.Should().BeEmpty();
    }

    [Test]
    public void ChangingTheQuantityUpdatesThePreview()
    {
        _browser.Navigate().GoToUrl($"{_demo.BaseUrl}/product/{_bag.Id}");
        WaitForPreviewText(_bag.Id, "Buy this and earn 110 points");

        var quantity = _browser.FindElement(By.Id($"product_enteredQuantity_{_bag.Id}"));
        quantity.Clear();
        quantity.SendKeys("3");

        WaitForPreviewText(_bag.Id, "Buy this and earn 330 points").Should().NotBeNull();
    }

    [Test]
    public void WithGameballDownThePreviewStaysHiddenAndThePageIsIntact()
    {
        _demo.Fake.Faults.For(new Fault(FaultKind.ServiceUnavailable), TimeSpan.FromMinutes(5));

        _browser.Navigate().GoToUrl($"{_demo.BaseUrl}/product/{_bag.Id}");
        new WebDriverWait(_browser, TimeSpan.FromSeconds(15)).Until(_ => _demo.Fake.Requests.Count > 0);
        Thread.Sleep(500);

        PreviewOf(_bag.Id).Displayed.Should().BeFalse();
        _browser.FindElement(By.CssSelector("h1.product-name")).Text.Should().Be("Leather weekender bag");
        _browser.FindElement(By.CssSelector(".add-to-cart-button")).Displayed.Should().BeTrue();
        _browser.Title.Should().Be("Leather weekender bag");
    }
}
