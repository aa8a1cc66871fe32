using Nop.Plugin.Misc.Gameball.Services.Preview;

namespace Nop.Plugin.Misc.Gameball.Tests.Preview;

/// <summary>The per-client preview limit itself: who counts as one client, and N requests a minute.</summary>
[TestFixture]
public class PreviewClientLimiterTests
{
    [TestCase("203.0.113.7", "203.0.113.7")]
    [TestCase("::ffff:203.0.113.7", "203.0.113.7", TestName = "An IPv4 address mapped into IPv6 is the IPv4 client")]
    [TestCase("2001:db8:1:2:3:4:5:6", "2001:db8:1:2::/64")]
    [TestCase("2001:db8:1:2::ff", "2001:db8:1:2::/64")]
    [TestCase("", "", TestName = "No known address")]
    [TestCase("not an address", "", TestName = "An unparsable address")]
    public void AClientIsItsAddressOrItsIPv6Network(string address, string expected) =>
        PreviewClientLimiter.ClientKey(address).Should().Be(expected);

    [Test]
    public void AClientGetsItsRequestsAMinuteThenARetryAfter()
    {
        using var limiter = new PreviewClientLimiter();

        Enumerable.Range(0, 5).Select(_ => limiter.TryAdmit(1, "203.0.113.7", 5, out var _)).ToList().Should().AllBeEquivalentTo(true);
        limiter.TryAdmit(1, "203.0.113.7", 5, out var retryAfter).Should().BeFalse();

        retryAfter.Should().BeGreaterThan(TimeSpan.Zero).And.BeLessThanOrEqualTo(PreviewClientLimiter.Window);
        limiter.TryAdmit(1, "203.0.113.8", 5, out _).Should().BeTrue("another client");
        limiter.TryAdmit(2, "203.0.113.7", 5, out _).Should().BeTrue("the same client in another store");
    }

    [Test]
    public void ZeroIsNoLimit()
    {
        using var limiter = new PreviewClientLimiter();

        Enumerable.Range(0, 1000).Select(_ => limiter.TryAdmit(1, "203.0.113.7", 0, out var _)).ToList().Should().AllBeEquivalentTo(true);
    }
}
