using Nop.Core;
using Nop.Core.Domain.Localization;
using Nop.Plugin.Misc.Gameball.Services.Preview;
using Nop.Services.Localization;

namespace Nop.Plugin.Misc.Gameball.Tests.Preview;

/// <summary>
/// What the page's script receives: the sentence for the product page, and for the order totals row the
/// points alone and the campaign as a note, all from locale resources in the shopper's culture.
/// </summary>
[TestFixture]
public class PreviewPresenterTests
{
    private static PreviewPresenter Presenter()
    {
        var localization = new Mock<ILocalizationService>();
        localization.Setup(s => s.GetResourceAsync(It.IsAny<string>())).ReturnsAsync((string key) => GameballLocaleResources.English[key]);
        var workContext = new Mock<IWorkContext>();
        workContext.Setup(w => w.GetWorkingLanguageAsync()).ReturnsAsync(new Language { Id = 1, LanguageCulture = "en-US" });
        return new PreviewPresenter(localization.Object, workContext.Object);
    }

    [Test]
    public async Task TheCartGetsTheSentenceThePointsAloneAndTheCampaignAsANote()
    {
        var response = await Presenter().ForCartAsync(new PointsPreview(1234.9m, "Double points weekend", null));

        response.Show.Should().BeTrue();
        response.Text.Should().Be("You will earn 1,234 points with this order Includes Double points weekend.");
        response.Value.Should().Be("1,234 points");
        response.Note.Should().Be("Includes Double points weekend.");
    }

    [Test]
    public async Task InArabicTheSentenceIsArabicAndTheCampaignsNameIsIsolated()
    {
        var localization = new Mock<ILocalizationService>();
        localization.Setup(s => s.GetResourceAsync(It.IsAny<string>())).ReturnsAsync((string key) => GameballLocaleResources.Arabic[key]);
        var workContext = new Mock<IWorkContext>();
        workContext.Setup(w => w.GetWorkingLanguageAsync()).ReturnsAsync(new Language { Id = 2, LanguageCulture = "ar-EG", Rtl = true });

        var response = await new PreviewPresenter(localization.Object, workContext.Object).ForProductAsync(new PointsPreview(110m, "Ramadan (x2)", null));

        // U+2068 … U+2069: the Latin name keeps its order and its bracket inside the right-to-left sentence
        response.Text.Should().Be("اشترِ هذا المنتج واكسب 110 نقطة يشمل \u2068Ramadan (x2)\u2069.");
        response.Value.Should().Be("110 نقطة");
        response.Note.Should().Be("يشمل \u2068Ramadan (x2)\u2069.");
    }

    [Test]
    public async Task WithoutACampaignThereIsNoNote()
    {
        var response = await Presenter().ForProductAsync(new PointsPreview(110m, null, null));

        response.Text.Should().Be("Buy this and earn 110 points");
        response.Value.Should().Be("110 points");
        response.Note.Should().BeNull();
    }

    [Test]
    public async Task NoPointsShowNothing()
    {
        (await Presenter().ForCartAsync(new PointsPreview(0.4m, null, null))).Should().Be(PointsPreviewResponse.Hidden);
        (await Presenter().ForCartAsync(null)).Show.Should().BeFalse();
    }
}
