using Nop.Core.Domain.Cms;
using Nop.Core.Domain.Logging;
using Nop.Core.Domain.ScheduleTasks;
using Nop.Data;
using Nop.Plugin.Misc.Gameball.Services;
using Nop.Services.Configuration;
using Nop.Services.Localization;
using Nop.Services.ScheduleTasks;
using Nop.Web.Framework.Mvc.Routing;

namespace Nop.Plugin.Misc.Gameball.Tests.Foundation;

[TestFixture]
public class PluginInstallTests
{
    private Mock<ISettingService> _settingService = null!;
    private Mock<ILocalizationService> _localizationService = null!;
    private Mock<IScheduleTaskService> _scheduleTaskService = null!;
    private Mock<INopUrlHelper> _urlHelper = null!;
    private WidgetSettings _widgetSettings = null!;
    private readonly List<ScheduleTask> _tasks = [];

    [SetUp]
    public void SetUp()
    {
        _settingService = new Mock<ISettingService>();
        _localizationService = new Mock<ILocalizationService>();
        _scheduleTaskService = new Mock<IScheduleTaskService>();
        _urlHelper = new Mock<INopUrlHelper>();
        _widgetSettings = new WidgetSettings { ActiveWidgetSystemNames = ["Widgets.NivoSlider"] };
        _tasks.Clear();
        _activityTypes.Clear();
        _scheduleTaskService.Setup(s => s.GetTaskByTypeAsync(It.IsAny<string>()))
            .ReturnsAsync((string type) => _tasks.SingleOrDefault(t => t.Type == type)!);
        _scheduleTaskService.Setup(s => s.InsertTaskAsync(It.IsAny<ScheduleTask>())).Callback((ScheduleTask t) => _tasks.Add(t)).Returns(Task.CompletedTask);
        _scheduleTaskService.Setup(s => s.DeleteTaskAsync(It.IsAny<ScheduleTask>())).Callback((ScheduleTask t) => _tasks.Remove(t)).Returns(Task.CompletedTask);
    }

    private readonly List<ActivityLogType> _activityTypes = [];

    private GameballPlugin CreatePlugin() => new(ActivityTypes(), _localizationService.Object, _urlHelper.Object, _scheduleTaskService.Object,
        _settingService.Object, _widgetSettings, new GameballWidgetZones(new GameballSettings()));

    private IRepository<ActivityLogType> ActivityTypes()
    {
        var repository = new Mock<IRepository<ActivityLogType>>();
        repository.SetupGet(r => r.Table).Returns(() => _activityTypes.AsQueryable());
        repository.Setup(r => r.InsertAsync(It.IsAny<ActivityLogType>(), true)).Callback((ActivityLogType t, bool _) => _activityTypes.Add(t)).Returns(Task.CompletedTask);
        return repository.Object;
    }

    [Test]
    public async Task InstallRegistersTheCashbackActivityTypeOnceAndUninstallKeepsTheAuditTrail()
    {
        var plugin = CreatePlugin();

        await plugin.InstallAsync();
        await plugin.InstallAsync();
        await plugin.UninstallAsync();

        _activityTypes.Should().ContainSingle().Which.SystemKeyword.Should().Be("Gameball.ManualCashback");
    }

    [Test]
    public async Task InstallSavesDefaultSettingsThatSendNothingUntilKeysAreEntered()
    {
        GameballSettings? saved = null;
        _settingService.Setup(s => s.SaveSettingAsync(It.IsAny<GameballSettings>(), 0)).Callback((GameballSettings s, int _) => saved = s).Returns(Task.CompletedTask);

        await CreatePlugin().InstallAsync();

        saved.Should().NotBeNull();
        saved!.ApiBaseUrl.Should().Be("https://api.gameball.co");
        saved.ApiVersion.Should().Be("v4.0");
        saved.ApiKey.Should().BeNullOrEmpty();
        saved.SecretKey.Should().BeNullOrEmpty();
        saved.EnableOrderTracking.Should().BeTrue();
        saved.EnableRefundSync.Should().BeTrue();
        saved.ProductPreviewWidgetZone.Should().Be("productdetails_overview_bottom");
        saved.RequestTimeout.Should().BePositive();
        saved.PreviewRequestsPerMinutePerClient.Should().Be(60, "one client gets a minute's browsing, not the store's Gameball bucket");
        saved.EnableWidget.Should().BeFalse("the widget shows Gameball's own UI on every page: the store owner switches it on");
    }

    [Test]
    public async Task InstallAddsEveryEnglishLocaleResource()
    {
        IDictionary<string, string>? added = null;
        _localizationService.Setup(s => s.AddOrUpdateLocaleResourceAsync(It.IsAny<IDictionary<string, string>>(), null))
            .Callback((IDictionary<string, string> r, int? _) => added = r).Returns(Task.CompletedTask);

        await CreatePlugin().InstallAsync();

        added.Should().NotBeNull();
        added!.Keys.Should().BeEquivalentTo(GameballLocaleResources.English.Keys);
        added.Keys.Should().OnlyContain(k => k.StartsWith("Plugins.Misc.Gameball.", StringComparison.Ordinal));
        added.Values.Should().OnlyContain(v => !string.IsNullOrWhiteSpace(v));
    }

    [Test]
    public async Task InstallActivatesTheWidgetOnceAndUninstallDeactivatesIt()
    {
        var plugin = CreatePlugin();

        await plugin.InstallAsync();
        await plugin.InstallAsync();

        _widgetSettings.ActiveWidgetSystemNames.Should().Equal("Widgets.NivoSlider", "Misc.Gameball");
        _settingService.Verify(s => s.SaveSettingAsync(_widgetSettings, 0), Times.Once);

        await plugin.UninstallAsync();

        _widgetSettings.ActiveWidgetSystemNames.Should().Equal("Widgets.NivoSlider");
        _settingService.Verify(s => s.SaveSettingAsync(_widgetSettings, 0), Times.Exactly(2));
    }

    [Test]
    public async Task InstallInsertsTheSyncScheduleTaskOnceAndUninstallRemovesIt()
    {
        var plugin = CreatePlugin();

        await plugin.InstallAsync();
        await plugin.InstallAsync();

        _tasks.Should().ContainSingle();
        var task = _tasks[0];
        task.Type.Should().Be("Nop.Plugin.Misc.Gameball.Services.GameballSyncTask");
        Type.GetType(task.Type + ", Nop.Plugin.Misc.Gameball").Should().Be<GameballSyncTask>("nopCommerce finds the task by this name");
        task.Enabled.Should().BeTrue();
        task.Seconds.Should().BeInRange(60, 3600);
        task.Name.Should().NotBeNullOrWhiteSpace();

        await plugin.UninstallAsync();

        _tasks.Should().BeEmpty();
    }

    [Test]
    public async Task UninstallRemovesSettingsAndLocaleResources()
    {
        await CreatePlugin().UninstallAsync();

        _settingService.Verify(s => s.DeleteSettingAsync<GameballSettings>(), Times.Once);
        _localizationService.Verify(s => s.DeleteLocaleResourcesAsync("Plugins.Misc.Gameball", null), Times.Once);
    }

    [Test]
    public void ConfigurationPageIsTheNamedAdminRoute()
    {
        _urlHelper.Setup(u => u.RouteUrl("Plugin.Misc.Gameball.Configure", null, null, null, null)).Returns("/Admin/Gameball/Configure");

        CreatePlugin().GetConfigurationPageUrl().Should().Be("/Admin/Gameball/Configure");
    }

    [Test]
    public void PluginIsAMiscPluginHiddenFromTheWidgetList()
    {
        var plugin = CreatePlugin();

        plugin.Should().BeAssignableTo<Nop.Services.Common.IMiscPlugin>();
        plugin.HideInWidgetList.Should().BeTrue();
    }
}
