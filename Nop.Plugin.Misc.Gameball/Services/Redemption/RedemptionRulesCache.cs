using System.Collections.Concurrent;

namespace Nop.Plugin.Misc.Gameball.Services.Redemption;

/// <summary>
/// Gameball's redemption rules per workspace, kept a few minutes: every box load needs them and they change only
/// when the program's admin edits them. A failed read is not kept.
/// </summary>
public sealed class RedemptionRulesCache
{
    public static TimeSpan Lifetime { get; } = TimeSpan.FromMinutes(5);

    private readonly ConcurrentDictionary<string, (RedemptionRules Rules, DateTime LoadedUtc)> _rules = new(StringComparer.Ordinal);
    private readonly TimeProvider _timeProvider;

    public RedemptionRulesCache(TimeProvider timeProvider)
    {
        _timeProvider = timeProvider;
    }

    public async Task<RedemptionRules> GetOrLoadAsync(GameballSettings settings, Func<Task<RedemptionRules>> load)
    {
        var key = settings.ApiBaseUrl + "|" + settings.ApiKey;
        var now = _timeProvider.GetUtcNow().UtcDateTime;
        if (_rules.TryGetValue(key, out var kept) && now - kept.LoadedUtc < Lifetime)
            return kept.Rules;
        var rules = await load();
        _rules[key] = (rules, now);
        return rules;
    }

    public void Clear() => _rules.Clear();
}
