using System.Collections.Concurrent;
using Polly;
using Polly.Retry;
using Polly.Timeout;

namespace Nop.Plugin.Misc.Gameball.Services.Api;

/// <summary>
/// Polly pipelines for Gameball calls, built once per policy: a retry pipeline (exponential backoff
/// with jitter, honouring Retry-After, only for transient failures) and a per-attempt timeout.
/// </summary>
public sealed class GameballResilience
{
    private readonly ConcurrentDictionary<GameballCallPolicy, ResiliencePipeline> _retries = new();
    private readonly ConcurrentDictionary<TimeSpan, ResiliencePipeline> _timeouts = new();
    private readonly TimeProvider _timeProvider;

    public GameballResilience(TimeProvider timeProvider)
    {
        _timeProvider = timeProvider;
    }

    public ResiliencePipeline Retry(GameballCallPolicy policy) => _retries.GetOrAdd(policy, p =>
    {
        if (p.MaxRetries <= 0)
            return ResiliencePipeline.Empty;

        return new ResiliencePipelineBuilder { TimeProvider = _timeProvider }
            .AddRetry(new RetryStrategyOptions
            {
                ShouldHandle = new PredicateBuilder().Handle<GameballApiException>(e => e.IsTransient),
                MaxRetryAttempts = p.MaxRetries,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = p.FirstRetryDelay,
                MaxDelay = TimeSpan.FromSeconds(30),
                DelayGenerator = args => ValueTask.FromResult(
                    args.Outcome.Exception is GameballApiException { RetryAfter: { } retryAfter } ? (TimeSpan?)Min(retryAfter, TimeSpan.FromSeconds(30)) : null),
            })
            .Build();
    });

    public ResiliencePipeline Timeout(TimeSpan attemptTimeout) => _timeouts.GetOrAdd(attemptTimeout, t =>
        new ResiliencePipelineBuilder { TimeProvider = _timeProvider }.AddTimeout(new TimeoutStrategyOptions { Timeout = t }).Build());

    private static TimeSpan Min(TimeSpan a, TimeSpan b) => a < b ? a : b;
}
