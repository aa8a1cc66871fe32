using Nop.Core.Domain.Logging;
using Nop.Plugin.Misc.Gameball.Services.Api;
using Nop.Services.Logging;

namespace Nop.Plugin.Misc.Gameball.Services.Outbox;

/// <summary>
/// The one place outbox work leaves for Gameball, whatever its kind. Write-ahead: the item (key,
/// payload, in-flight marker) is saved before the request leaves, so a process killed mid-send leaves
/// a trace; work that may have landed is probed before it is sent again; the answer (or the failure,
/// classified) moves the item's state machine. The caller holds the entity's lock and saves after.
/// </summary>
public class OutboxRunner
{
    private readonly ILogger _logger;
    private readonly TimeProvider _timeProvider;

    public OutboxRunner(ILogger logger, TimeProvider timeProvider)
    {
        _logger = logger;
        _timeProvider = timeProvider;
    }

    private DateTime Now => _timeProvider.GetUtcNow().UtcDateTime;

    /// <param name="saveAsync">Persists the item (with its entity's other work) now.</param>
    /// <param name="what">The work in the admin's words, for the log entry when it fails.</param>
    public async Task RunAsync<TItem>(TItem item, IOutboxHandler<TItem> handler, OutboxPass pass, Func<Task> saveAsync, string what, CancellationToken cancellationToken)
        where TItem : OutboxItem
    {
        if (!pass.Credentials.IsComplete)
        {
            if (item.Status == SyncStatus.Pending)
                item.MarkWaitingForConfiguration("The Gameball API key and secret key of this store are not set.", Now);
            return;
        }

        if (!item.IsDue(Now) || item.IsInFlightElsewhere(Now) || !pass.HasTimeForAStep(Now))
            return;
        if (item.Payload is null)
            throw new InvalidOperationException($"The {item.Kind} {item.IdempotencyKey} has no persisted payload to send.");

        try
        {
            if (item.NeedsSettling && await handler.ProbeAsync(item, pass, cancellationToken) == OutboxProbeResult.Landed)
            {
                item.MarkAcknowledged(Now);
                return;
            }

            item.MarkInFlight(Now, pass.LockExpiresUtc);
            await saveAsync();
            await handler.SendAsync(item, pass, cancellationToken);
            item.MarkAcknowledged(Now);
        }
        catch (GameballApiException e)
        {
            await RecordFailureAsync(item, e, pass.Settings, what);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // our own pass gave up (out of time, or the application is stopping); a killed process never gets here
            if (item.InFlightSinceUtc is not null)
                item.MarkAbandoned(Now);
        }
    }

    private async Task RecordFailureAsync(OutboxItem item, GameballApiException error, GameballSettings settings, string what)
    {
        switch (error.Kind)
        {
            case GameballErrorKind.AlreadyApplied:
                item.MarkAcknowledged(Now);
                return;
            case var kind when kind.IsConfigurationProblem():
                item.MarkWaitingForConfiguration(error.Message, Now);
                return;
            case var kind when kind.IsTransient():
                item.MarkAttemptFailed(error.Message, mayHaveLanded: IsAmbiguous(kind) && item.InFlightSinceUtc is not null, Now, settings.MaxSyncAttempts);
                break;
            default:
                item.MarkRefused(error.Message, Now);
                break;
        }

        if (item.Status == SyncStatus.Failed)
            await _logger.InsertLogAsync(LogLevel.Warning, $"{GameballDefaults.SystemName}: Gameball did not accept {what}; it is marked failed in the sync log.", error.Message);
    }

    /// <summary>No answer, or an answer that does not say whether the work was applied.</summary>
    private static bool IsAmbiguous(GameballErrorKind kind) => kind is GameballErrorKind.Timeout or GameballErrorKind.Unreachable or GameballErrorKind.ServerError;
}
