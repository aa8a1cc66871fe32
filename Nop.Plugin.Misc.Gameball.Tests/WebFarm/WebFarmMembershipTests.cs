using Nop.Plugin.Misc.Gameball.Services.WebFarm;
using Nop.Plugin.Misc.Gameball.Tests.Support;

namespace Nop.Plugin.Misc.Gameball.Tests.WebFarm;

/// <summary>
/// What a node may send as nodes come and go: shares that add up to Gameball's limits at every moment,
/// a joining node silent until the others count it and their larger shares have left Gameball's window,
/// a node that cannot renew its registration silent before anyone thinks it gone.
/// </summary>
[TestFixture]
public class WebFarmMembershipTests
{
    private static readonly WebFarmTiming _timing = WebFarmTiming.Default;
    private ShiftableClock _clock = null!;

    [SetUp]
    public void SetUp() => _clock = new ShiftableClock();

    private DateTime Now => _clock.GetUtcNow().UtcDateTime;

    private WebFarmMembership Node() => new(_timing, _clock);

    /// <summary>Time passes with a renewal every heartbeat, as the heartbeat service does.</summary>
    private void BeatFor(TimeSpan duration, WebFarmMembership node, params Guid[] live)
    {
        for (var passed = TimeSpan.Zero; passed < duration; passed += _timing.HeartbeatInterval)
        {
            _clock.Advance(_timing.HeartbeatInterval);
            node.RecordBeat(Now, live.Length == 0 ? [node.NodeId] : live);
        }
    }

    [Test]
    public void OutsideAFarmANodeSendsAtOnceWithTheWholeLimitAndSweepsEverything()
    {
        var node = Node();

        node.SendingBlockedUntil().Should().BeNull();
        node.ShareOf(360).Should().Be(360);
        Enumerable.Range(1, 100).Should().OnlyContain(id => node.Owns(id));
    }

    [Test]
    public void AJoiningNodeSendsNothingUntilTheOthersCountItAndTheirLargerSharesHaveLeftGameballsWindow()
    {
        var node = Node();
        node.EnterFarm();
        node.SendingBlockedUntil().Should().NotBeNull("its registration is not written yet");

        var joined = Now;
        node.RecordBeat(joined, [node.NodeId]);
        node.SendingBlockedUntil().Should().Be(joined + _timing.JoinGrace);
        _timing.JoinGrace.Should().BeGreaterThan(_timing.LongestRateWindow + _timing.HeartbeatInterval);

        BeatFor(_timing.JoinGrace, node);
        node.SendingBlockedUntil().Should().BeNull();
    }

    [Test]
    public void NodesThatSeeEachOtherSplitTheLimitsAndTheIdsWithoutOverlap()
    {
        var nodes = new[] { Node(), Node(), Node() };
        var ids = nodes.Select(n => n.NodeId).ToArray();
        foreach (var node in nodes)
        {
            node.EnterFarm();
            node.RecordBeat(Now, ids);
        }

        nodes.Should().OnlyContain(n => n.ShareOf(360) == 120 && n.ShareOf(30) == 10);
        nodes.Sum(n => n.ShareOf(360)).Should().BeLessThanOrEqualTo(360);
        foreach (var id in Enumerable.Range(1, 3000))
            nodes.Count(n => n.Owns(id)).Should().Be(1, $"entity {id} belongs to exactly one node's sweep");
    }

    [Test]
    public void ANodeThatLeftIsCountedUntilWhatItSentHasLeftGameballsWindow()
    {
        var (survivor, leaver) = (Node(), Node());
        survivor.EnterFarm();
        survivor.RecordBeat(Now, [survivor.NodeId, leaver.NodeId]);
        survivor.ShareOf(360).Should().Be(180);

        _clock.Advance(_timing.HeartbeatInterval);
        survivor.RecordBeat(Now, [survivor.NodeId]);
        survivor.ShareOf(360).Should().Be(180, "the leaver's last requests still count at Gameball");
        survivor.Owns(7).Should().BeTrue("the sweep takes the leaver's entities over at once");

        // 30 s after the leaver was last seen
        BeatFor(_timing.DepartureHold - (_timing.HeartbeatInterval * 2), survivor);
        survivor.ShareOf(360).Should().Be(180);
        BeatFor(_timing.HeartbeatInterval, survivor);
        survivor.ShareOf(360).Should().Be(360);
    }

    [Test]
    public void ANodeThatCannotRenewItsRegistrationStopsBeforeTheOthersThinkItGoneAndRejoinsAfresh()
    {
        var node = Node();
        node.EnterFarm();
        node.RecordBeat(Now, [node.NodeId]);
        BeatFor(_timing.JoinGrace, node);
        node.SendingBlockedUntil().Should().BeNull();

        // the database is unreachable: no renewal for as long as the registration is safe
        _clock.Advance(_timing.SelfValidity);
        node.SendingBlockedUntil().Should().NotBeNull();
        _timing.SelfValidity.Should().BeLessThan(_timing.NodeLifetime - _timing.ClockSkew, "it stops before another node's clock says it expired");

        var rejoined = Now;
        node.RecordBeat(rejoined, [node.NodeId]);
        node.SendingBlockedUntil().Should().Be(rejoined + _timing.JoinGrace, "the others may have counted it gone: it joins again");
    }
}
