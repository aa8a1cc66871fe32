using Nop.Core.Domain.Common;
using Nop.Data;

namespace Nop.Plugin.Misc.Gameball.Services.Outbox;

/// <summary>
/// Removes the second rows 4.90.2 wrote for one entity's state key (see <see cref="StateAttributes"/>): of the
/// rows of one entity, key and store, the one written last is the entity's state; the others go. Run once,
/// when nopCommerce updates the plugin. Every node of a farm may run it at the same time: each keeps the same
/// row, and a row that changed after it was read is left alone (the key is merely still duplicated).
/// </summary>
public class DuplicateStateRows
{
    private readonly IRepository<GenericAttribute> _repository;

    public DuplicateStateRows(IRepository<GenericAttribute> repository)
    {
        _repository = repository;
    }

    /// <returns>How many rows were removed.</returns>
    public async Task<int> RemoveAsync()
    {
        // the plugin's state keys on nopCommerce's entities; its own key groups (claims, farm nodes) hold several rows by design
        var duplicated = await _repository.Table
            .Where(a => a.Key.StartsWith(GameballDefaults.StateKeyPrefix) && !a.KeyGroup.StartsWith(GameballDefaults.StateKeyPrefix))
            .GroupBy(a => new { a.KeyGroup, a.EntityId, a.Key, a.StoreId })
            .Where(rows => rows.Count() > 1)
            .Select(rows => rows.Key)
            .ToListAsync();

        var removed = 0;
        foreach (var key in duplicated)
        {
            var rows = await _repository.Table
                .Where(a => a.KeyGroup == key.KeyGroup && a.EntityId == key.EntityId && a.Key == key.Key && a.StoreId == key.StoreId)
                .ToListAsync();
            foreach (var stale in Superseded(rows))
            {
                var (id, value) = (stale.Id, stale.Value);
                removed += await _repository.DeleteAsync(a => a.Id == id && a.Value == value);
            }
        }

        return removed;
    }

    /// <summary>Every row but the one written last (of rows written in the same instant, the one inserted last).</summary>
    private static IEnumerable<GenericAttribute> Superseded(IReadOnlyCollection<GenericAttribute> rowsOfOneKey) =>
        rowsOfOneKey.OrderByDescending(a => a.CreatedOrUpdatedDateUTC).ThenByDescending(a => a.Id).Skip(1);
}
