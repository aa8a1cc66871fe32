using Nop.Plugin.Misc.Gameball.Models;
using Nop.Plugin.Misc.Gameball.Services.Api;
using Nop.Plugin.Misc.Gameball.Validators;
using Nop.Services.Localization;

namespace Nop.Plugin.Misc.Gameball.Services.Admin;

/// <summary>"Test connection": one call that needs both keys, and exactly what is wrong in the admin's words.</summary>
public class ConnectionTester
{
    private readonly IGameballApiClient _apiClient;
    private readonly ILocalizationService _localizationService;

    public ConnectionTester(IGameballApiClient apiClient, ILocalizationService localizationService)
    {
        _apiClient = apiClient;
        _localizationService = localizationService;
    }

    public async Task<ConnectionTestResult> TestAsync(GameballCredentials credentials, int timeoutSeconds, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(credentials.ApiKey))
            return await Fail("Plugins.Misc.Gameball.TestConnection.NoApiKey");
        if (string.IsNullOrWhiteSpace(credentials.SecretKey))
            return await Fail("Plugins.Misc.Gameball.TestConnection.NoSecretKey");
        if (!ConfigurationValidator.IsAllowedBaseUrl(credentials.ApiBaseUrl))
            return await Fail("Plugins.Misc.Gameball.Fields.ApiBaseUrl.Https");

        var policy = new GameballCallPolicy(TimeSpan.FromSeconds(Math.Clamp(timeoutSeconds, 1, 120)), 0, TimeSpan.Zero);
        try
        {
            await _apiClient.CheckConnectionAsync(credentials, policy, cancellationToken);
            return new ConnectionTestResult(true, await _localizationService.GetResourceAsync("Plugins.Misc.Gameball.TestConnection.Success"));
        }
        catch (GameballApiException e)
        {
            var resource = e.Kind switch
            {
                GameballErrorKind.InvalidApiKey => "Plugins.Misc.Gameball.TestConnection.InvalidApiKey",
                GameballErrorKind.InvalidSecretKey => "Plugins.Misc.Gameball.TestConnection.InvalidSecretKey",
                GameballErrorKind.Forbidden or GameballErrorKind.AccountDisabled => "Plugins.Misc.Gameball.TestConnection.Forbidden",
                GameballErrorKind.Unreachable => "Plugins.Misc.Gameball.TestConnection.Unreachable",
                GameballErrorKind.Timeout => "Plugins.Misc.Gameball.TestConnection.Timeout",
                _ => "Plugins.Misc.Gameball.TestConnection.Failed"
            };
            var message = string.Format(System.Globalization.CultureInfo.InvariantCulture, await _localizationService.GetResourceAsync(resource),
                new Uri(credentials.ApiBaseUrl).Host, policy.AttemptTimeout.TotalSeconds, e.Message);
            return new ConnectionTestResult(false, message);
        }
    }

    private async Task<ConnectionTestResult> Fail(string resource) => new(false, await _localizationService.GetResourceAsync(resource));
}
