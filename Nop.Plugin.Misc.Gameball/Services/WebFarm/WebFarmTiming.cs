namespace Nop.Plugin.Misc.Gameball.Services.WebFarm;

/// <summary>
/// The clock of the farm's membership: how often a node says it is alive, how long that lasts, and the
/// waits that keep the nodes' shares of Gameball's limits inside the limits while nodes come and go.
/// </summary>
/// <param name="HeartbeatInterval">How often a node renews its registration and reads the others'.</param>
/// <param name="NodeLifetime">How long a registration lasts without renewal.</param>
/// <param name="LongestRateWindow">Gameball's longest rate window (30 s): a request counts against it that long.</param>
/// <param name="ClockSkew">How far the nodes' clocks may disagree (they must be NTP-synchronised).</param>
/// <param name="SweepInterval">How often each node sweeps its part of the outbox.</param>
public sealed record WebFarmTiming(TimeSpan HeartbeatInterval, TimeSpan NodeLifetime, TimeSpan LongestRateWindow, TimeSpan ClockSkew, TimeSpan SweepInterval)
{
    public static WebFarmTiming Default { get; } = new(TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(20), TimeSpan.FromSeconds(30), TimeSpan.FromSeconds(2), TimeSpan.FromMinutes(5));

    /// <summary>
    /// A node that joins sends nothing this long: by then every other node has read its registration and
    /// counts it, and whatever they sent at their larger shares has left Gameball's longest window.
    /// </summary>
    public TimeSpan JoinGrace => LongestRateWindow + (HeartbeatInterval * 2) + ClockSkew;

    /// <summary>A node that left is still counted this long: what it sent stays in Gameball's window.</summary>
    public TimeSpan DepartureHold => LongestRateWindow + ClockSkew;

    /// <summary>
    /// A node whose registration could not be renewed stops sending this long after its last renewal,
    /// before any other node can think it gone.
    /// </summary>
    public TimeSpan SelfValidity => NodeLifetime - (ClockSkew * 2);

    public WebFarmTiming WithTimeScaledBy(double factor) => new(HeartbeatInterval * factor, NodeLifetime * factor, LongestRateWindow * factor, ClockSkew * factor, SweepInterval * factor);
}
