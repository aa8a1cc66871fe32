namespace Nop.Plugin.Misc.Gameball.Services.Actions;

/// <summary>An action of a customer as nopCommerce's database shows it now (a review that is approved, a birthday this week).</summary>
public sealed record ActionOccurrence(GameballAction Action, string Key, int StoreId, DateTime OccurredUtc, IReadOnlyDictionary<string, string> Metadata, int? ProductId = null);
