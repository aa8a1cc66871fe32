using System.Linq.Expressions;
using Nop.Core.Configuration;

namespace Nop.Services.Configuration;

public partial interface ISettingService
{
    Task<T> GetSettingByKeyAsync<T>(string key, T defaultValue = default, int storeId = 0, bool loadSharedValueIfNotFound = false);
    Task SetSettingAsync<T>(string key, T value, int storeId = 0, bool clearCache = true);
    Task<bool> SettingExistsAsync<T, TPropType>(T settings, Expression<Func<T, TPropType>> keySelector, int storeId = 0) where T : ISettings, new();
    Task<T> LoadSettingAsync<T>(int storeId = 0) where T : ISettings, new();
    Task SaveSettingAsync<T>(T settings, int storeId = 0) where T : ISettings, new();
    Task SaveSettingAsync<T, TPropType>(T settings, Expression<Func<T, TPropType>> keySelector, int storeId = 0, bool clearCache = true) where T : ISettings, new();
    Task SaveSettingOverridablePerStoreAsync<T, TPropType>(T settings, Expression<Func<T, TPropType>> keySelector, bool overrideForStore, int storeId = 0, bool clearCache = true) where T : ISettings, new();
    Task DeleteSettingAsync<T>() where T : ISettings, new();
    Task ClearCacheAsync();
}
