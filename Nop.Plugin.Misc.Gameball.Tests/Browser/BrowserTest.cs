using Microsoft.Extensions.DependencyInjection;
using Nop.Core.Domain.Customers;
using Nop.Core.Domain.Orders;
using Nop.Plugin.Misc.Gameball.FakeGameball;
using Nop.Plugin.Misc.Gameball.Models;
using Nop.Plugin.Misc.Gameball.Services.Admin;
using Nop.Plugin.Misc.Gameball.Services.Orders;
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

    /// <summary>Runs a script in the page and returns its answer.</summary>
    protected T Script<T>(string script, params object[] args) => (T)((OpenQA.Selenium.IJavaScriptExecutor)Browser).ExecuteScript(script, args)!;

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

    /// <summary>A paid order of a new customer, processed once: sent, or failed to the last attempt (HTTP 500).</summary>
    protected async Task<Order> OrderThatEndsAsync(SyncStatus expected, string email)
    {
        var order = Demo.Store.AddPaidOrder(Demo.Store.AddCustomer(email), (Demo.Store.AddProduct("Cap", 20m), 1));
        if (expected == SyncStatus.Failed)
        {
            Demo.Store.Settings[0].MaxSyncAttempts = 1;
            Demo.Fake.Faults.Next(new Fault(FaultKind.ServerError));
        }

        await using var scope = Demo.Services.CreateAsyncScope();
        (await scope.ServiceProvider.GetRequiredService<OrderSyncProcessor>().ProcessAsync(order.Id, false, CancellationToken.None)).Status.Should().Be(expected);
        return order;
    }

    /// <summary>An admin's award that Gameball refused to the last attempt (HTTP 500 throughout).</summary>
    protected async Task<Customer> FailedAwardAsync(string email, string reason = "Goodwill")
    {
        var customer = Demo.Store.AddCustomer(email);
        Demo.Store.Settings[0].MaxSyncAttempts = 1;
        Demo.Fake.Faults.For(new Fault(FaultKind.ServerError), TimeSpan.FromMinutes(5));
        await using (var scope = Demo.Services.CreateAsyncScope())
        {
            var result = await scope.ServiceProvider.GetRequiredService<ManualCashbackService>()
                .AwardAsync(new AwardCashbackModel { CustomerId = customer.Id, Amount = 25m, Reason = reason, AwardToken = Guid.NewGuid() }, CancellationToken.None);
            result.Success.Should().BeFalse();
        }

        Demo.Fake.Faults.Clear();
        return customer;
    }
}
