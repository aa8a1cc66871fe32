using Microsoft.AspNetCore.Mvc;
using Newtonsoft.Json;
using Nop.Plugin.Misc.Gameball.FakeGameball;
using Nop.Plugin.Misc.Gameball.Models;

namespace Nop.Plugin.Misc.Gameball.Tests.Admin;

/// <summary>The configuration page: write-only secret key, validation beside the fields, test connection in plain words.</summary>
[TestFixture]
public class ConfigurationTests
{
    private AdminTestHost _host = null!;

    [SetUp]
    public async Task SetUp() => _host = await AdminTestHost.StartAsync();

    [TearDown]
    public async Task TearDown() => await _host.DisposeAsync();

    private static ConfigurationModel ValidModel(Action<ConfigurationModel>? change = null)
    {
        var model = new ConfigurationModel
        {
            ApiKey = "gb_test_new_key",
            ApiBaseUrl = "https://api.gameball.co",
            ApiVersion = "v4.0",
            EnableOrderTracking = true,
            RequestTimeout = 15,
            PreviewRequestTimeoutMilliseconds = 1500,
            PreviewCacheTtlSeconds = 300,
            PreviewRequestsPerMinutePerClient = 60,
            MaxSyncAttempts = 12,
        };
        change?.Invoke(model);
        return model;
    }

    private static ConfigurationModel ModelOf(IActionResult result) =>
        result.Should().BeOfType<ViewResult>().Which.Model.Should().BeOfType<ConfigurationModel>().Subject;

    [Test]
    public async Task ThePageNeverCarriesTheSecretKeyOnlyWhetherOneIsSaved()
    {
        var model = ModelOf(await _host.WithController(c => c.Configure()));

        model.SecretKey.Should().BeNull();
        model.SecretKeyIsSet.Should().BeTrue();
        model.ApiKey.Should().Be(_host.Fake.ApiKey);
        JsonConvert.SerializeObject(model).Should().NotContain(_host.Fake.SecretKey);
        model.AvailableApiVersions.Should().Equal("v4.0", "v4.1");
    }

    [Test]
    public async Task SavingWithAnEmptySecretKeepsTheSavedOne()
    {
        var result = await _host.WithController(c => c.Configure(ValidModel()), ValidModel());

        result.Should().BeOfType<RedirectToActionResult>();
        _host.Store.Settings[0].SecretKey.Should().Be(_host.Fake.SecretKey);
        _host.Store.Settings[0].ApiKey.Should().Be("gb_test_new_key");
    }

    [Test]
    public async Task SavingANewSecretReplacesIt()
    {
        var model = ValidModel(m => m.SecretKey = " gb_secret_rotated ");

        await _host.WithController(c => c.Configure(model), model);

        _host.Store.Settings[0].SecretKey.Should().Be("gb_secret_rotated");
        _host.Store.SavedSettingNames.Should().Contain(n => n.Contains("SecretKey"));
    }

    [Test]
    public async Task ThePerClientPreviewLimitIsAPerStoreSetting()
    {
        _host.Store.ActiveStoreScope = 1;
        var model = ValidModel(m =>
        {
            m.PreviewRequestsPerMinutePerClient = 30;
            m.PreviewRequestsPerMinutePerClient_OverrideForStore = true;
        });

        await _host.WithController(c => c.Configure(model), model);

        _host.Store.Settings[1].PreviewRequestsPerMinutePerClient.Should().Be(30);
        _host.Store.SavedSettingNames.Should().Contain(n => n.Contains("PreviewRequestsPerMinutePerClient"));
        var page = ModelOf(await _host.WithController(c => c.Configure()));
        page.PreviewRequestsPerMinutePerClient.Should().Be(30);
        page.PreviewRequestsPerMinutePerClient_OverrideForStore.Should().BeTrue();
    }

    [Test]
    public async Task TheWidgetIsAPerStoreSettingOffByDefault()
    {
        ModelOf(await _host.WithController(c => c.Configure())).EnableWidget.Should().BeFalse();
        _host.Store.ActiveStoreScope = 1;
        var model = ValidModel(m =>
        {
            m.EnableWidget = true;
            m.EnableWidget_OverrideForStore = true;
        });

        await _host.WithController(c => c.Configure(model), model);

        _host.Store.Settings[1].EnableWidget.Should().BeTrue();
        _host.Store.SavedSettingNames.Should().Contain(n => n.Contains("EnableWidget"));
        var page = ModelOf(await _host.WithController(c => c.Configure()));
        page.EnableWidget.Should().BeTrue();
        page.EnableWidget_OverrideForStore.Should().BeTrue();
    }

    [Test]
    public async Task ThePageWarnsWhenV41CannotMakeSessionTokensWithTheSavedKey()
    {
        var settings = _host.Store.Settings[0];
        settings.EnableWidget = true;
        settings.ApiVersion = "v4.1";
        settings.SecretKey = "gb_secret_22_chars_xyz";
        ModelOf(await _host.WithController(c => c.Configure())).WidgetKeyWarning.Should().BeTrue();

        settings.SecretKey = "gb_secret_0123456789abcdefghijkl";
        ModelOf(await _host.WithController(c => c.Configure())).WidgetKeyWarning.Should().BeFalse("a 32-byte key makes tokens");

        settings.SecretKey = "gb_secret_22_chars_xyz";
        settings.ApiVersion = "v4.0";
        ModelOf(await _host.WithController(c => c.Configure())).WidgetKeyWarning.Should().BeFalse("v4.0 needs no token");

        settings.ApiVersion = "v4.1";
        settings.EnableWidget = false;
        ModelOf(await _host.WithController(c => c.Configure())).WidgetKeyWarning.Should().BeFalse("no widget, no token");
    }

    [Test]
    public async Task SwitchingTrackingOnStartsTrackingFromNow()
    {
        _host.Store.Settings[0].EnableOrderTracking = false;
        _host.Store.Settings[0].TrackingEnabledFromUtc = null;

        await _host.WithController(c => c.Configure(ValidModel()), ValidModel());

        _host.Store.Settings[0].TrackingEnabledFromUtc.Should().BeCloseTo(DateTime.UtcNow, TimeSpan.FromMinutes(1));
    }

    [Test]
    public async Task AnInvalidPageComesBackWithMessagesBesideTheFieldsAndWithoutTheTypedSecret()
    {
        var model = ValidModel(m =>
        {
            m.ApiKey = "";
            m.SecretKey = "typed-secret";
            m.ApiBaseUrl = "http://api.gameball.co";
            m.ApiVersion = "v9";
            m.RequestTimeout = 0;
            m.PreviewRequestTimeoutMilliseconds = 50;
            m.PreviewCacheTtlSeconds = -1;
            m.PreviewRequestsPerMinutePerClient = -1;
            m.MaxSyncAttempts = 0;
        });
        ActionContextHolder holder = new();

        var result = await _host.WithController(async c =>
        {
            holder.ModelState = c.ModelState;
            return await c.Configure(model);
        }, model);

        var page = ModelOf(result);
        page.SecretKey.Should().BeNull();
        holder.ModelState!["SecretKey"]?.AttemptedValue.Should().BeNull("the typed secret is not echoed back into the field");
        var errors = holder.ModelState.ToDictionary(kv => kv.Key, kv => string.Join(" ", kv.Value!.Errors.Select(e => e.ErrorMessage)));
        errors["ApiKey"].Should().Be("Enter the API key of your Gameball workspace.");
        errors["ApiBaseUrl"].Should().StartWith("The API base URL must be an absolute https:// address");
        errors["ApiVersion"].Should().Be("Choose v4.0 or v4.1.");
        errors["RequestTimeout"].Should().Contain("1 to 120");
        errors["PreviewRequestTimeoutMilliseconds"].Should().Contain("100 to 10000");
        errors["PreviewCacheTtlSeconds"].Should().Contain("0 to 86400");
        errors["PreviewRequestsPerMinutePerClient"].Should().Contain("0 (no limit) to 10000");
        errors["MaxSyncAttempts"].Should().Contain("1 to 50");
        _host.Store.Settings[0].ApiKey.Should().Be(_host.Fake.ApiKey, "nothing is saved from an invalid page");
    }

    [Test]
    public async Task WithoutAnySavedSecretTheSecretIsRequired()
    {
        _host.Store.Settings[0].SecretKey = null;
        ActionContextHolder holder = new();

        await _host.WithController(async c =>
        {
            holder.ModelState = c.ModelState;
            return await c.Configure(ValidModel());
        }, ValidModel());

        holder.ModelState!["SecretKey"]!.Errors.Should().ContainSingle().Which.ErrorMessage.Should().Be("Enter the secret key of your Gameball workspace.");
    }

    private async Task<(bool Success, string Message)> TestConnection(ConfigurationModel model)
    {
        var result = await _host.WithController(c => c.TestConnection(model));
        var json = JsonConvert.SerializeObject(result.Should().BeOfType<JsonResult>().Subject.Value);
        var data = JsonConvert.DeserializeAnonymousType(json, new { success = false, message = "" })!;
        return (data.success, data.message);
    }

    private ConfigurationModel PageWith(string? apiKey, string? secretKey, string? baseUrl = null) =>
        ValidModel(m => { m.ApiKey = apiKey; m.SecretKey = secretKey; m.ApiBaseUrl = baseUrl ?? _host.Fake.BaseUrl; });

    [Test]
    public async Task TestConnectionSucceedsWithTheSavedSecretWhenTheFieldIsEmpty()
    {
        var (success, message) = await TestConnection(PageWith(_host.Fake.ApiKey, null));

        success.Should().BeTrue();
        message.Should().Be("Connected: Gameball accepted both keys.");
        _host.Fake.Requests.Should().ContainSingle().Which.HadSecretKey.Should().BeTrue();
    }

    [Test]
    public async Task TestConnectionNamesAWrongApiKey()
    {
        var (success, message) = await TestConnection(PageWith("gb_wrong", null));

        success.Should().BeFalse();
        message.Should().StartWith("Gameball did not accept the API key.");
    }

    [Test]
    public async Task TestConnectionNamesAWrongSecretKey()
    {
        var (success, message) = await TestConnection(PageWith(_host.Fake.ApiKey, "not-the-secret"));

        success.Should().BeFalse();
        message.Should().StartWith("Gameball accepted the API key but not the secret key.");
        message.Should().NotContain("not-the-secret");
    }

    [Test]
    public async Task TestConnectionSaysWhenGameballCannotBeReached()
    {
        var (success, message) = await TestConnection(PageWith(_host.Fake.ApiKey, null, "http://127.0.0.1:9"));

        success.Should().BeFalse();
        message.Should().Be("Gameball could not be reached at 127.0.0.1. Check the API base URL and the server's internet access or proxy.");
    }

    [Test]
    public async Task TestConnectionSaysWhenGameballDoesNotAnswerInTime()
    {
        _host.Store.Settings[0].RequestTimeout = 1;
        _host.Fake.Faults.Next(new Fault(FaultKind.Hang));

        var (success, message) = await TestConnection(PageWith(_host.Fake.ApiKey, null));

        success.Should().BeFalse();
        message.Should().Be("Gameball did not answer within 1 seconds. Try again, or raise the request timeout.");
    }

    [Test]
    public async Task TestConnectionRefusesAPlainHttpAddress()
    {
        var (success, message) = await TestConnection(PageWith(_host.Fake.ApiKey, null, "http://api.gameball.co"));

        success.Should().BeFalse();
        message.Should().StartWith("The API base URL must be an absolute https:// address");
        _host.Fake.Requests.Should().BeEmpty();
    }

    private sealed class ActionContextHolder
    {
        public Microsoft.AspNetCore.Mvc.ModelBinding.ModelStateDictionary? ModelState { get; set; }
    }
}
