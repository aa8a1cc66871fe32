using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Abstractions;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Routing;
using Nop.Core;
using Nop.Core.Domain.Stores;
using Nop.Plugin.Misc.Gameball.Services.Profiles;
using Nop.Services.Configuration;

namespace Nop.Plugin.Misc.Gameball.Tests.Profiles;

/// <summary>The referral link's code is kept in a cookie on storefront pages, and nothing else is.</summary>
[TestFixture]
public class ReferralCaptureFilterTests
{
    private GameballSettings _settings = null!;

    [SetUp]
    public void SetUp() => _settings = new GameballSettings { SyncCustomerProfiles = true, EnableReferrals = true };

    private async Task<HttpResponse> VisitAsync(string queryString, string method = "GET", string? area = null, bool https = true)
    {
        var settings = new Mock<ISettingService>();
        settings.Setup(s => s.LoadSettingAsync<GameballSettings>(It.IsAny<int>())).ReturnsAsync(_settings);
        var storeContext = new Mock<IStoreContext>();
        storeContext.Setup(s => s.GetCurrentStoreAsync()).ReturnsAsync(new Store { Id = 1 });
        var http = new DefaultHttpContext();
        http.Request.Method = method;
        http.Request.QueryString = new QueryString(queryString);
        http.Request.IsHttps = https;
        var routeData = new RouteData();
        if (area is not null)
            routeData.Values["area"] = area;
        var actionContext = new ActionContext(http, routeData, new ActionDescriptor());
        var context = new ResourceExecutingContext(actionContext, new List<IFilterMetadata>(), new List<IValueProviderFactory>());
        var ranAction = false;
        await new ReferralCaptureFilter(settings.Object, storeContext.Object).OnResourceExecutionAsync(context, () =>
        {
            ranAction = true;
            return Task.FromResult(new ResourceExecutedContext(actionContext, new List<IFilterMetadata>()));
        });
        ranAction.Should().BeTrue("the page itself always runs");
        return http.Response;
    }

    private static string SetCookie(HttpResponse response) => response.Headers.SetCookie.ToString();

    [Test]
    public async Task AReferralLinkKeepsItsCodeForThirtyDays()
    {
        var cookie = SetCookie(await VisitAsync("?referralCode=SARA1234"));

        cookie.Should().StartWith($"{GameballDefaults.ReferralCookieName}=SARA1234;");
        cookie.Should().Contain("max-age=2592000").And.Contain("httponly").And.Contain("samesite=lax").And.Contain("secure");
    }

    [Test]
    public async Task MagentosSpellingOfTheParameterWorksToo() =>
        SetCookie(await VisitAsync("?ReferralCode=SARA1234")).Should().StartWith($"{GameballDefaults.ReferralCookieName}=SARA1234;");

    [TestCase("?referralCode=%3Cscript%3Ealert(1)%3C%2Fscript%3E")]
    [TestCase("?referralCode=a%3Bb%3Dc")]
    [TestCase("?referralCode=")]
    [TestCase("?other=1")]
    public async Task AnythingButAPlainCodeIsIgnored(string query) =>
        SetCookie(await VisitAsync(query)).Should().BeEmpty();

    [Test]
    public async Task ALongCodeIsIgnored() =>
        SetCookie(await VisitAsync("?referralCode=" + new string('A', ReferralCode.MaxLength + 1))).Should().BeEmpty();

    [Test]
    public async Task AdminPagesAndPostsKeepNothing()
    {
        SetCookie(await VisitAsync("?referralCode=SARA1234", area: "Admin")).Should().BeEmpty();
        SetCookie(await VisitAsync("?referralCode=SARA1234", method: "POST")).Should().BeEmpty();
    }

    [Test]
    public async Task WithReferralsOrProfilesOffNothingIsKept()
    {
        _settings.EnableReferrals = false;
        SetCookie(await VisitAsync("?referralCode=SARA1234")).Should().BeEmpty();
        _settings.EnableReferrals = true;
        _settings.SyncCustomerProfiles = false;
        SetCookie(await VisitAsync("?referralCode=SARA1234")).Should().BeEmpty();
    }
}
