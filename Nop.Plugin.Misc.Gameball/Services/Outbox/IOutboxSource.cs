namespace Nop.Plugin.Misc.Gameball.Services.Outbox;

/// <summary>What became of one pass over an entity's work, and when it wants another.</summary>
public sealed record OutboxOutcome(SyncStatus Status, DateTime? RetryAtUtc, bool Busy = false)
{
    public static OutboxOutcome LockBusy(DateTime retryAtUtc) => new(SyncStatus.Pending, retryAtUtc, Busy: true);

    public static OutboxOutcome Nothing { get; } = new(SyncStatus.Skipped, null);
}

/// <summary>
/// One kind of entity whose generic attributes hold outbox work (orders, customers): where its work
/// lives, how to find work that is due, and one pass over an entity's work (run by
/// <see cref="OutboxProcessor"/> under the entity's lock). The pass maps the entity's work to items
/// and hands each to <see cref="OutboxRunner"/>.
/// </summary>
public interface IOutboxSource
{
    /// <summary>nopCommerce's key group of the entity (its generic attributes' KeyGroup).</summary>
    string EntityGroup { get; }

    string LockKey(int entityId);

    /// <summary>The settings of the store the entity's work belongs to; null when the entity is gone.</summary>
    Task<GameballSettings?> SettingsOfAsync(int entityId);

    /// <param name="retryNow">The admin's retry: failed work gets fresh attempts and work in backoff is due now.</param>
    Task<OutboxOutcome> ProcessAsync(int entityId, bool retryNow, OutboxPass pass, CancellationToken cancellationToken);

    /// <summary>Failed work of the entity becomes pending again (with fresh attempts); false when nothing had failed.</summary>
    Task<bool> ResetFailedAsync(int entityId);

    /// <summary>Entities with work due or possibly missed (an event lost to a crash), from the database alone.</summary>
    Task<IReadOnlyCollection<int>> FindWorkAsync(CancellationToken cancellationToken);
}
