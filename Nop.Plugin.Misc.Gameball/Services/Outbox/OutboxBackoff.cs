namespace Nop.Plugin.Misc.Gameball.Services.Outbox;

/// <summary>Delays between attempts: exponential from 30 seconds, at most an hour, with jitter.</summary>
public static class OutboxBackoff
{
    public static TimeSpan ConfigurationRecheck { get; } = TimeSpan.FromMinutes(15);

    public static TimeSpan Delay(int attempt)
    {
        var seconds = Math.Min(30 * Math.Pow(2, Math.Max(0, attempt - 1)), 3600);
        return TimeSpan.FromSeconds(seconds * (0.8 + (Random.Shared.NextDouble() * 0.4)));
    }
}
