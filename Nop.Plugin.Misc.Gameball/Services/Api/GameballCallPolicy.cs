namespace Nop.Plugin.Misc.Gameball.Services.Api;

/// <summary>
/// How long one attempt may take and how often a transient failure is retried within a call.
/// Background work retries a little here and much more across runs (durably); a shopper's preview
/// never retries: it would rather show nothing.
/// </summary>
public sealed record GameballCallPolicy(TimeSpan AttemptTimeout, int MaxRetries, TimeSpan FirstRetryDelay)
{
    public static GameballCallPolicy Background(GameballSettings settings) =>
        new(TimeSpan.FromSeconds(Math.Clamp(settings.RequestTimeout, 1, 120)), 2, TimeSpan.FromMilliseconds(500));

    public static GameballCallPolicy Interactive(GameballSettings settings) =>
        new(TimeSpan.FromMilliseconds(Math.Clamp(settings.PreviewRequestTimeoutMilliseconds, 100, 10_000)), 0, TimeSpan.Zero);
}
