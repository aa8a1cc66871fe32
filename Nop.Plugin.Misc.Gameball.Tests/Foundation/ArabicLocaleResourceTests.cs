using System.Text.RegularExpressions;

namespace Nop.Plugin.Misc.Gameball.Tests.Foundation;

[TestFixture]
public partial class ArabicLocaleResourceTests
{
    [GeneratedRegex(@"\{\d+(:[^}]*)?\}")]
    private static partial Regex Placeholder();

    [GeneratedRegex(@"<[^>]+>")]
    private static partial Regex Tag();

    [GeneratedRegex(@"[\u0600-\u06FF]")]
    private static partial Regex ArabicLetter();

    /// <summary>What may stay in Latin letters in an Arabic value: names, API terms and Gameball event names.</summary>
    private static readonly string[] _allowedLatin =
    [
        "Gameball", "nopCommerce", "API", "URL", "HTTP", "https://", "http", "IP", "UTC", "v4.0", "v4.1", "GDPR", "referralCode", "A256KW", "Redis", "SQL Server",
        "registered", "newsletter_subscribed", "review_approved", "blog_comment_approved", "news_comment_approved", "birthday",
    ];

    private static IEnumerable<string> Sorted(string value) => Placeholder().Matches(value).Select(m => m.Value).Order(StringComparer.Ordinal);

    [Test]
    public void EveryEnglishKeyHasAnArabicValueAndNoOther()
    {
        GameballLocaleResources.Arabic.Keys.Should().BeEquivalentTo(GameballLocaleResources.English.Keys);
        GameballLocaleResources.Arabic.Values.Should().OnlyContain(v => !string.IsNullOrWhiteSpace(v));
    }

    [Test]
    public void ArabicValuesHaveTheEnglishPlaceholders()
    {
        var mismatched = GameballLocaleResources.English
            .Where(e => !Sorted(e.Value).SequenceEqual(Sorted(GameballLocaleResources.Arabic[e.Key])))
            .Select(e => $"{e.Key}: \"{GameballLocaleResources.Arabic[e.Key]}\"");

        mismatched.Should().BeEmpty("string.Format fills the same arguments in every language");
    }

    [Test]
    public void ArabicValuesKeepTheEnglishHtml()
    {
        var mismatched = GameballLocaleResources.English
            .Where(e => !Tag().Matches(e.Value).Select(m => m.Value).SequenceEqual(Tag().Matches(GameballLocaleResources.Arabic[e.Key]).Select(m => m.Value)))
            .Select(e => e.Key);

        mismatched.Should().BeEmpty();
    }

    [Test]
    public void ArabicValuesAreArabicWithOnlyNamesAndTermsInLatinLetters()
    {
        var problems = new List<string>();
        foreach (var (key, value) in GameballLocaleResources.Arabic)
        {
            var rest = Tag().Replace(Placeholder().Replace(value, " "), " ");
            foreach (var term in _allowedLatin.OrderByDescending(t => t.Length))
                rest = rest.Replace(term, " ", StringComparison.Ordinal);
            if (rest.Any(char.IsAsciiLetter))
                problems.Add($"{key}: untranslated Latin words in \"{value}\"");

            // only a product name may stand alone (the admin cards' titles)
            if (!ArabicLetter().IsMatch(value) && value is not ("Gameball" or "nopCommerce"))
                problems.Add($"{key}: no Arabic in \"{value}\"");
        }

        problems.Should().BeEmpty();
    }

    [Test]
    public void ArabicValuesDoNotCarryEnglishPunctuationWhereArabicHasItsOwn()
    {
        // an English comma or question mark between Arabic words reads as a typo to an Arabic reader
        GameballLocaleResources.Arabic.Where(r => Regex.IsMatch(r.Value, @"[\u0600-\u06FF]\s*[,?]"))
            .Select(r => r.Key).Should().BeEmpty();
    }
}
