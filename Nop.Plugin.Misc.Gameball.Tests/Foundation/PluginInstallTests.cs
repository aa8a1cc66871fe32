using System.Linq.Expressions;
using Nop.Core.Caching;
using Nop.Core.Domain.Cms;
using Nop.Core.Domain.Common;
using Nop.Core.Domain.Localization;
using Nop.Core.Domain.Logging;
using Nop.Core.Domain.ScheduleTasks;
using Nop.Core.Events;
using Nop.Data;
using Nop.Plugin.Misc.Gameball.Services;
using Nop.Services.Configuration;
using Nop.Services.Localization;
using Nop.Services.Logging;
using Nop.Services.ScheduleTasks;
using Nop.Web.Framework.Mvc.Routing;

namespace Nop.Plugin.Misc.Gameball.Tests.Foundation;

[TestFixture]
public class PluginInstallTests
{
    private Mock<ISettingService> _settingService = null!;
    private Mock<ILocalizationService> _localizationService = null!;
    private Mock<ILanguageService> _languageService = null!;
    private readonly List<Language> _languages = [];
    private Mock<IScheduleTaskService> _scheduleTaskService = null!;
    private Mock<INopUrlHelper> _urlHelper = null!;
    private WidgetSettings _widgetSettings = null!;
    private readonly List<ScheduleTask> _tasks = [];
    private readonly List<GenericAttribute> _attributes = [];
    private List<Language>? _cachedLanguages;
    private Mock<IStaticCacheManager> _staticCache = null!;
    private Mock<ILogger> _logger = null!;

    [SetUp]
    public void SetUp()
    {
        _settingService = new Mock<ISettingService>();
        _localizationService = new Mock<ILocalizationService>();
        _languageService = new Mock<ILanguageService>();
        _languages.Clear();
        _languages.Add(new Language { Id = 1, Name = "English", LanguageCulture = "en-US", Published = true });
        _languageService.Setup(s => s.GetAllLanguagesAsync(It.IsAny<bool>(), It.IsAny<int>())).ReturnsAsync((bool showHidden, int _) =>
            _languages.Where(l => showHidden || l.Published).ToList());
        _scheduleTaskService = new Mock<IScheduleTaskService>();
        _urlHelper = new Mock<INopUrlHelper>();
        _widgetSettings = new WidgetSettings { ActiveWidgetSystemNames = ["Widgets.NivoSlider"] };
        _tasks.Clear();
        _activityTypes.Clear();
        _attributes.Clear();
        _cachedLanguages = null;
        _staticCache = new Mock<IStaticCacheManager>();
        // nopCommerce's key of the list is "Nop.language.all.{storeId}-{showHidden}"
        _staticCache.Setup(c => c.RemoveByPrefixAsync(It.IsAny<string>(), It.IsAny<object[]>()))
            .Callback((string prefix, object[] _) =>
            {
                if ("Nop.language.all.0-True".StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
                    _cachedLanguages = null;
            })
            .Returns(Task.CompletedTask);
        _logger = new Mock<ILogger>();
        _scheduleTaskService.Setup(s => s.GetTaskByTypeAsync(It.IsAny<string>()))
            .ReturnsAsync((string type) => _tasks.SingleOrDefault(t => t.Type == type)!);
        _scheduleTaskService.Setup(s => s.InsertTaskAsync(It.IsAny<ScheduleTask>())).Callback((ScheduleTask t) => _tasks.Add(t)).Returns(Task.CompletedTask);
        _scheduleTaskService.Setup(s => s.DeleteTaskAsync(It.IsAny<ScheduleTask>())).Callback((ScheduleTask t) => _tasks.Remove(t)).Returns(Task.CompletedTask);
    }

    private readonly List<ActivityLogType> _activityTypes = [];

    private GameballPlugin CreatePlugin(IRepository<GenericAttribute>? attributes = null) => new(ActivityTypes(), new DuplicateStateRows(attributes ?? Attributes()), _languageService.Object, _localizationService.Object, _logger.Object,
        _urlHelper.Object, _scheduleTaskService.Object, _settingService.Object, _widgetSettings, new GameballWidgetZones(new GameballSettings()));

    private IRepository<GenericAttribute> Attributes()
    {
        var repository = new Mock<IRepository<GenericAttribute>>();
        repository.SetupGet(r => r.Table).Returns(() => _attributes.ToList().AsQueryable());
        repository.Setup(r => r.DeleteAsync(It.IsAny<Expression<Func<GenericAttribute, bool>>>()))
            .ReturnsAsync((Expression<Func<GenericAttribute, bool>> predicate) => _attributes.RemoveAll(new Predicate<GenericAttribute>(predicate.Compile())));
        return repository.Object;
    }

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
        _localizationService.Setup(s => s.AddOrUpdateLocaleResourceAsync(It.IsAny<IDictionary<string, string>>(), 1))
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

    /// <summary>
    /// The store's resources as nopCommerce's LocalizationService.AddOrUpdateLocaleResourceAsync keeps them: a key the
    /// language (or, for all languages, any language) has is updated where it is; the others are inserted for the
    /// languages of nopCommerce's cached list of all languages, which only a removal of its prefix from the static
    /// cache refreshes.
    /// </summary>
    private Dictionary<(int Language, string Key), string> RecordResources()
    {
        var resources = new Dictionary<(int, string), string>();
        _localizationService.Setup(s => s.AddOrUpdateLocaleResourceAsync(It.IsAny<IDictionary<string, string>>(), It.IsAny<int?>()))
            .Callback((IDictionary<string, string> values, int? languageId) =>
            {
                var present = resources.Keys.Where(k => languageId is null || k.Item1 == languageId).ToList();
                var existing = new HashSet<string>(present.Select(k => k.Item2), StringComparer.OrdinalIgnoreCase);
                foreach (var entry in present.Where(k => values.ContainsKey(k.Item2)))
                    resources[entry] = values[entry.Item2];
                _cachedLanguages ??= [.. _languages];
                foreach (var language in _cachedLanguages.Where(l => languageId is null || l.Id == languageId))
                    foreach (var (key, value) in values.Where(v => !existing.Contains(v.Key)))
                        resources[(language.Id, key)] = value;
            })
            .Returns(Task.CompletedTask);
        _localizationService.Setup(s => s.DeleteLocaleResourcesAsync(It.IsAny<string>(), It.IsAny<int?>()))
            .Callback((string prefix, int? languageId) =>
            {
                foreach (var entry in resources.Keys.Where(k => (languageId is null || k.Item1 == languageId) && k.Item2.StartsWith(prefix, StringComparison.OrdinalIgnoreCase)).ToList())
                    resources.Remove(entry);
            })
            .Returns(Task.CompletedTask);
        return resources;
    }

    [Test]
    public async Task InstallGivesEveryLanguageEnglishAndOnlyArabicLanguagesArabic()
    {
        _languages.Add(new Language { Id = 2, Name = "العربية (مصر)", LanguageCulture = "ar-EG", Published = true });
        _languages.Add(new Language { Id = 3, Name = "Français", LanguageCulture = "fr-FR", Published = true });
        _languages.Add(new Language { Id = 4, Name = "العربية", LanguageCulture = "ar", Published = false });
        _languages.Add(new Language { Id = 5, Name = "Aragonés", LanguageCulture = "an-ES", Published = true });
        var resources = RecordResources();

        await CreatePlugin().InstallAsync();

        const string label = "Plugins.Misc.Gameball.Preview.Cart.Label";
        resources[(1, label)].Should().Be("Points you will earn:");
        resources[(3, label)].Should().Be("Points you will earn:", "French has no translation: English is better than the key");
        resources[(5, label)].Should().Be("Points you will earn:");
        resources[(2, label)].Should().Be("النقاط التي ستكسبها:");
        resources[(4, label)].Should().Be("النقاط التي ستكسبها:", "an unpublished Arabic language is set up too, ready for when it is published");
        foreach (var languageId in new[] { 2, 4 })
            GameballLocaleResources.Arabic.Where(r => resources[(languageId, r.Key)] != r.Value).Should().BeEmpty();
        foreach (var languageId in new[] { 1, 3, 5 })
            GameballLocaleResources.English.Where(r => resources[(languageId, r.Key)] != r.Value).Should().BeEmpty();

        // a language at a time: for all at once nopCommerce inserts only the keys no language has yet
        _localizationService.Verify(s => s.AddOrUpdateLocaleResourceAsync(It.IsAny<IDictionary<string, string>>(), null), Times.Never);
        foreach (var languageId in new[] { 1, 2, 3, 4, 5 })
            _localizationService.Verify(s => s.AddOrUpdateLocaleResourceAsync(It.IsAny<IDictionary<string, string>>(), languageId), Times.Once);
    }

    [Test]
    public async Task AnUpdateInstallsTheNewVersionsResourcesAndLeavesTheSettingsAlone()
    {
        _languages.Add(new Language { Id = 2, Name = "العربية (مصر)", LanguageCulture = "ar-EG", Published = true });
        var resources = RecordResources();

        await CreatePlugin().UpdateAsync("4.90.2", "4.90.3");

        // 4.90.3 brought paying with points
        resources[(1, "Plugins.Misc.Gameball.Redemption.Title")].Should().Be(GameballLocaleResources.English["Plugins.Misc.Gameball.Redemption.Title"]);
        resources[(2, "Plugins.Misc.Gameball.Redemption.Title")].Should().Be(GameballLocaleResources.Arabic["Plugins.Misc.Gameball.Redemption.Title"]);
        resources[(2, "Plugins.Misc.Gameball.Backfill.Title")].Should().Be(GameballLocaleResources.Arabic["Plugins.Misc.Gameball.Backfill.Title"]);
        _settingService.Verify(s => s.SaveSettingAsync(It.IsAny<GameballSettings>(), It.IsAny<int>()), Times.Never, "the store's configuration is kept");
        _logger.Verify(l => l.InformationAsync(It.IsAny<string>(), It.IsAny<Exception>(), It.IsAny<Nop.Core.Domain.Customers.Customer>()), Times.Never, "there was nothing to repair");
    }

    [Test]
    public async Task AnUpdateFillsALanguageThatLacksTheKeysOtherLanguagesHave()
    {
        // English installed under an earlier version; French added before the plugin gave new languages its strings
        var resources = RecordResources();
        await CreatePlugin().InstallAsync();
        _languages.Add(new Language { Id = 3, Name = "Français", LanguageCulture = "fr-FR", Published = true });
        _cachedLanguages = null;
        resources.Keys.Count(k => k.Language == 3).Should().Be(0);

        await CreatePlugin().UpdateAsync("4.90.2", "4.90.3");

        resources.Keys.Count(k => k.Language == 3).Should().Be(GameballLocaleResources.English.Count, "no label of the plugin shows as its key in French");
        resources.Keys.Count(k => k.Language == 1).Should().Be(GameballLocaleResources.English.Count);
    }

    [Test]
    public async Task AnUpdateCutsTheStateKeysThatWereWrittenTwiceBackToTheirLastRowAndSaysSo()
    {
        var at = new DateTime(2026, 11, 30, 10, 0, 0, DateTimeKind.Utc);
        _attributes.Add(new GenericAttribute { Id = 1, KeyGroup = "Order", EntityId = 7, Key = "Gameball.OrderSyncStatus", Value = "Pending", CreatedOrUpdatedDateUTC = at });
        _attributes.Add(new GenericAttribute { Id = 2, KeyGroup = "Order", EntityId = 7, Key = "Gameball.OrderSyncStatus", Value = "Sent", CreatedOrUpdatedDateUTC = at.AddSeconds(1) });
        RecordResources();

        await CreatePlugin().UpdateAsync("4.90.2", "4.90.3");

        _attributes.Should().ContainSingle().Which.Value.Should().Be("Sent");
        _logger.Verify(l => l.InformationAsync(It.Is<string>(m => m.Contains("4.90.2 to 4.90.3") && m.Contains("removed 1 duplicated")), null, null), Times.Once);
    }

    [Test]
    public async Task AnUpdateWhoseRepairFailsStillCompletesAndSaysWhy()
    {
        var resources = RecordResources();
        var attributes = new Mock<IRepository<GenericAttribute>>();
        attributes.SetupGet(r => r.Table).Throws(new TimeoutException("The database did not answer in time."));
        var plugin = CreatePlugin(attributes.Object);

        await plugin.Invoking(p => p.UpdateAsync("4.90.2", "4.90.3")).Should().NotThrowAsync("nopCommerce updates plugins inside its start-up");

        resources[(1, "Plugins.Misc.Gameball.Redemption.Title")].Should().Be(GameballLocaleResources.English["Plugins.Misc.Gameball.Redemption.Title"]);
        _logger.Verify(l => l.WarningAsync(It.Is<string>(m => m.Contains("could not remove the duplicated state rows")), It.IsAny<TimeoutException>(), null), Times.Once);
    }

    [Test]
    public async Task UninstallRemovesTheArabicResourcesToo()
    {
        _languages.Add(new Language { Id = 2, Name = "العربية (السعودية)", LanguageCulture = "ar-SA", Published = true });
        var resources = RecordResources();
        resources[(2, "Admin.Common.Save")] = "حفظ";

        var plugin = CreatePlugin();
        await plugin.InstallAsync();
        resources.Keys.Should().Contain((2, "Plugins.Misc.Gameball.Fields.ApiKey"));

        await plugin.UninstallAsync();

        resources.Keys.Should().Equal([(2, "Admin.Common.Save")], "the plugin's resources go in every language; nopCommerce's own stay");
    }

    [TestCase("ar-EG", "النقاط التي ستكسبها:")]
    [TestCase("ar-AE", "النقاط التي ستكسبها:")]
    [TestCase("ar", "النقاط التي ستكسبها:")]
    [TestCase("fr-FR", "Points you will earn:")]
    [TestCase("arn-CL", "Points you will earn:")]
    public async Task ALanguageAddedAfterInstallGetsThePluginsResources(string culture, string expected)
    {
        var resources = RecordResources();
        await CreatePlugin().InstallAsync();
        var added = new Language { Id = 7, Name = "new", LanguageCulture = culture, Published = true };
        _languages.Add(added);

        // nopCommerce's LanguageService.InsertLanguageAsync inserts the row and publishes this event, nothing more
        // (nopCommerce's own consumer of the event, which clears its cached list of languages, may run after this one)
        await new Services.LanguageInsertedConsumer(_localizationService.Object, _staticCache.Object).HandleEventAsync(new EntityInsertedEvent<Language>(added));

        resources[(7, "Plugins.Misc.Gameball.Preview.Cart.Label")].Should().Be(expected);
        resources.Keys.Count(k => k.Language == 7).Should().Be(GameballLocaleResources.English.Count, "every key, so no label shows as its key");
        resources[(1, "Plugins.Misc.Gameball.Preview.Cart.Label")].Should().Be("Points you will earn:", "the other languages are left alone");
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
