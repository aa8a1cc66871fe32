namespace Nop.Plugin.Misc.Gameball.Services.Api;

/// <summary>
/// Where and as whom to call Gameball: the settings of the store the work belongs to, passed in
/// explicitly because background work has no HTTP context.
/// </summary>
public sealed record GameballCredentials(string ApiBaseUrl, string ApiVersion, string ApiKey, string SecretKey)
{
    public static GameballCredentials FromSettings(GameballSettings settings) => new(
        string.IsNullOrWhiteSpace(settings.ApiBaseUrl) ? GameballDefaults.DefaultApiBaseUrl : settings.ApiBaseUrl.Trim(),
        string.IsNullOrWhiteSpace(settings.ApiVersion) ? GameballDefaults.ApiVersion40 : settings.ApiVersion.Trim(),
        settings.ApiKey?.Trim() ?? string.Empty,
        settings.SecretKey?.Trim() ?? string.Empty);

    public bool IsComplete => !string.IsNullOrEmpty(ApiKey) && !string.IsNullOrEmpty(SecretKey);

    /// <summary>The API key partitions Gameball's rate limits (they are per workspace).</summary>
    internal string RateLimitPartition => ApiBaseUrl + "|" + ApiKey;

    // the secret key never leaves through ToString (logs, exceptions, debugger displays)
    public override string ToString() =>
        $"GameballCredentials {{ ApiBaseUrl = {ApiBaseUrl}, ApiVersion = {ApiVersion}, ApiKey = {ApiKey}, SecretKey = {(string.IsNullOrEmpty(SecretKey) ? "(none)" : "***")} }}";
}
