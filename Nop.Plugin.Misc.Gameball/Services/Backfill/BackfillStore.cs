using Newtonsoft.Json;
using Nop.Core.Domain.Stores;
using Nop.Plugin.Misc.Gameball.Services.Outbox;
using Nop.Services.Stores;

namespace Nop.Plugin.Misc.Gameball.Services.Backfill;

/// <summary>
/// Keeps the backfill runs (one per kind) as generic attributes of the first store: nopCommerce has no
/// entity for the installation as a whole, and a setting write would clear every node's settings cache.
/// </summary>
public class BackfillStore
{
    public const string KeyPrefix = "Gameball.Backfill.";

    private static readonly JsonSerializerSettings _json = new() { NullValueHandling = NullValueHandling.Ignore, DateTimeZoneHandling = DateTimeZoneHandling.Utc };

    private readonly StateAttributes _attributes;
    private readonly IStoreService _storeService;

    public BackfillStore(StateAttributes attributes, IStoreService storeService)
    {
        _attributes = attributes;
        _storeService = storeService;
    }

    private async Task<Store> HolderAsync() => (await _storeService.GetAllStoresAsync()).OrderBy(s => s.Id).First();

    public async Task<BackfillJob?> LoadAsync(BackfillKind kind)
    {
        var json = await _attributes.GetAttributeAsync<string>(await HolderAsync(), KeyPrefix + kind);
        if (string.IsNullOrWhiteSpace(json))
            return null;
        try
        {
            return JsonConvert.DeserializeObject<BackfillJob>(json, _json);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    public async Task SaveAsync(BackfillJob job) =>
        await _attributes.SaveAttributeAsync(await HolderAsync(), KeyPrefix + job.Kind, JsonConvert.SerializeObject(job, _json));
}
