using System.Text.RegularExpressions;
using Nop.Plugin.Misc.Gameball.Tests.Support;

namespace Nop.Plugin.Misc.Gameball.Tests.Admin;

/// <summary>
/// nopCommerce renders the Gameball cards inside its customer and order edit forms, where a browser drops a
/// nested form and posts (and validates) every named field. The cards' markup, as the demo store renders it
/// from the plugin's views (no browser needed), must hold nothing that would: no form, no name, no HTML5
/// constraint, no submit button, no second antiforgery token field.
/// </summary>
[TestFixture]
[NonParallelizable]
public partial class AdminCardMarkupTests
{
    private DemoStore _demo = null!;
    private HttpClient _http = null!;

    /// <summary>An attribute that would make a field posted or validated by its form: name, HTML5 constraints, form.</summary>
    [GeneratedRegex(@"<[a-z][^>]*?\s(name|required|min|max|pattern|step|form)(\s*=|\s|/?>)", RegexOptions.IgnoreCase)]
    private static partial Regex FormFieldAttribute();

    [GeneratedRegex(@"<script\b.*?</script>", RegexOptions.IgnoreCase | RegexOptions.Singleline)]
    private static partial Regex ScriptElement();

    [OneTimeSetUp]
    public async Task StartAsync()
    {
        _demo = await DemoStore.StartAsync();
        _http = new HttpClient { BaseAddress = new Uri(_demo.BaseUrl) };
    }

    [OneTimeTearDown]
    public async Task StopAsync()
    {
        _http.Dispose();
        await _demo.DisposeAsync();
    }

    private static string Between(string html, string start, string end)
    {
        var from = html.IndexOf(start, StringComparison.Ordinal);
        from.Should().BeGreaterThanOrEqualTo(0, $"the page has {start}");
        var to = html.IndexOf(end, from, StringComparison.Ordinal);
        to.Should().BeGreaterThan(from, $"the page has {end} after {start}");
        return html[from..(to + end.Length)];
    }

    /// <summary>The entity form up to its own end tag, the first one after its cards (a card's stray end tag does not end it here).</summary>
    private static string EntityForm(string html, string start)
    {
        var cards = Between(html, start, "</nop-cards>");
        var from = html.IndexOf(cards, StringComparison.Ordinal);
        var end = html.IndexOf("</form>", from + cards.Length, StringComparison.Ordinal);
        end.Should().BeGreaterThan(from, "the entity form ends after its cards");
        return html[from..(end + "</form>".Length)];
    }

    private static void ShouldBeSafeInsideNopCommercesForm(string card, string entityForm)
    {
        card.Should().NotContainEquivalentOf("<form", "a form nested in nopCommerce's entity form does not exist in the browser");
        FormFieldAttribute().Matches(ScriptElement().Replace(card, string.Empty)).Select(m => m.Value).Should().BeEmpty("nopCommerce's Save must neither post nor validate the card's fields");
        card.Should().NotContainEquivalentOf("type=\"submit\"");
        card.Should().Contain("role=\"status\"");
        Regex.Match(card, "data-antiforgery-token=\"([^\"]+)\"").Groups[1].Value.Should().NotBeEmpty("the card carries its antiforgery token in a data attribute");
        Regex.Matches(entityForm, "name=\"__RequestVerificationToken\"").Should().ContainSingle("the entity form keeps exactly its own token field");
    }

    [Test]
    public async Task TheCustomerCardHoldsNothingNopCommercesCustomerFormWouldPostOrValidate()
    {
        var customer = _demo.Store.AddCustomer("markup@example.test");

        var html = await _http.GetStringAsync($"/demo-admin/customer/{customer.Id}");

        var entityForm = EntityForm(html, $"<form method=\"post\" action=\"/demo-admin/customer/{customer.Id}\"");
        var card = Between(entityForm, "<div class=\"card card-default\" id=\"gameball-customer-card\"", "</nop-cards>");
        card.Should().Contain("id=\"gameball-award\"").And.Contain("id=\"gameball-amount\"");
        ShouldBeSafeInsideNopCommercesForm(card, entityForm);
    }

    [Test]
    public async Task TheOrderCardHoldsNothingNopCommercesOrderFormWouldPostOrValidate()
    {
        var order = _demo.Store.AddPaidOrder(_demo.Store.AddCustomer("markup-order@example.test"), (_demo.Store.AddProduct("Cap", 5m), 1));

        var html = await _http.GetStringAsync($"/demo-admin/order/{order.Id}");

        var entityForm = EntityForm(html, "id=\"order-form\"");
        var card = Between(entityForm, "<div class=\"card card-default\" id=\"gameball-order-card\"", "</nop-cards>");
        card.Should().Contain("id=\"gameball-resend\"");
        ShouldBeSafeInsideNopCommercesForm(card, entityForm);
    }
}
