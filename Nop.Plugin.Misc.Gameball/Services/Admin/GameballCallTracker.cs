namespace Nop.Plugin.Misc.Gameball.Services.Admin;

/// <summary>When this process last got a successful answer from Gameball, whatever the call.</summary>
public sealed class GameballCallTracker
{
    private long _lastSuccessTicks;

    public DateTime? LastSuccessUtc
    {
        get
        {
            var ticks = Interlocked.Read(ref _lastSuccessTicks);
            return ticks == 0 ? null : new DateTime(ticks, DateTimeKind.Utc);
        }
    }

    public void Succeeded(DateTime utc) => Interlocked.Exchange(ref _lastSuccessTicks, utc.Ticks);
}
