using Microsoft.AspNetCore.Http;
using Nop.Core.Domain.Catalog;
using Nop.Core.Domain.Customers;
using Nop.Core.Domain.Stores;
using Nop.Plugin.Misc.Gameball.Services.Api;
using Nop.Plugin.Misc.Gameball.Services.Api.Models;
using Nop.Plugin.Misc.Gameball.Services.Orders;
using Nop.Services.Customers;
using Nop.Services.Logging;

namespace Nop.Plugin.Misc.Gameball.Services.Preview;

/// <summary>
/// "You will earn N points", as Gameball's own engine computes it for this shopper: a registered customer
/// is asked about with their Gameball customerId (tier rates and campaigns apply), a guest at base
/// rates. Cached and shared between identical requests; any failure means "no preview", never an error
/// on the page.
/// </summary>
public class PointsPreviewService
{
    private readonly IGameballApiClient _apiClient;
    private readonly ICustomerService _customerService;
    private readonly ILogger _logger;
    private readonly PreviewCache _cache;
    private readonly PreviewFailureLog _failureLog;
    private readonly PreviewPricing _pricing;

    public PointsPreviewService(IGameballApiClient apiClient,
        ICustomerService customerService,
        ILogger logger,
        PreviewCache cache,
        PreviewFailureLog failureLog,
        PreviewPricing pricing)
    {
        _apiClient = apiClient;
        _customerService = customerService;
        _logger = logger;
        _cache = cache;
        _failureLog = failureLog;
        _pricing = pricing;
    }

    public async Task<PointsPreview?> PreviewProductAsync(GameballSettings settings, Store store, Customer customer, Product product, int quantity,
        IFormCollection? attributesForm, CancellationToken cancellationToken)
    {
        var credentials = GameballCredentials.FromSettings(settings);
        if (!settings.EnableProductPreview || !credentials.IsComplete)
            return null;
        var quote = await _pricing.QuoteProductAsync(product, quantity, attributesForm, customer, store, await GameballCustomerIdAsync(customer));
        return await FetchAsync(settings, store, credentials, quote, cancellationToken);
    }

    public async Task<PointsPreview?> PreviewCartAsync(GameballSettings settings, Store store, Customer customer, CancellationToken cancellationToken)
    {
        var credentials = GameballCredentials.FromSettings(settings);
        if (!settings.EnableCartPreview || !credentials.IsComplete)
            return null;
        var quote = await _pricing.QuoteCartAsync(customer, store, await GameballCustomerIdAsync(customer));
        return quote is null ? null : await FetchAsync(settings, store, credentials, quote, cancellationToken);
    }

    private async Task<string?> GameballCustomerIdAsync(Customer customer) =>
        await _customerService.IsRegisteredAsync(customer) ? GameballIdentifiers.CustomerId(customer) : null;

    private async Task<PointsPreview?> FetchAsync(GameballSettings settings, Store store, GameballCredentials credentials, PreviewQuote quote, CancellationToken cancellationToken)
    {
        var policy = GameballCallPolicy.Interactive(settings);
        var ttl = TimeSpan.FromSeconds(Math.Clamp(settings.PreviewCacheTtlSeconds, 0, 86_400));
        try
        {
            var shared = _cache.GetOrFetchAsync(quote.CacheKey, ttl, async () =>
            {
                // shared by every waiting shopper, so bounded by the preview timeout rather than one shopper's request
                using var timeout = new CancellationTokenSource(policy.AttemptTimeout);
                try
                {
                    return ToPreview(await _apiClient.CalculateCashbackAsync(credentials, quote.Request, policy, timeout.Token));
                }
                catch (OperationCanceledException e) when (timeout.IsCancellationRequested)
                {
                    throw new GameballApiException(GameballErrorKind.Timeout, GameballOperation.CalculateCashback.Name,
                        $"No points preview from Gameball within {policy.AttemptTimeout.TotalMilliseconds:0} ms.", innerException: e);
                }
            });
            return await shared.WaitAsync(cancellationToken);
        }
        catch (GameballApiException e)
        {
            await _failureLog.ReportAsync(_logger, store.Id, e);
            return null;
        }
    }

    internal static PointsPreview ToPreview(CalculateCashbackResponse response)
    {
        var campaign = response.LineItems?.FirstOrDefault(l => !string.IsNullOrWhiteSpace(l.CampaignName));
        return new PointsPreview(response.TotalPoints ?? 0, campaign?.CampaignName, campaign?.CampaignEndDate);
    }
}
