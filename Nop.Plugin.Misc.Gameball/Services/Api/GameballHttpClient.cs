using System.Diagnostics;
using System.Net.Http.Headers;
using System.Text;
using Microsoft.Extensions.Logging;
using Newtonsoft.Json;
using Nop.Plugin.Misc.Gameball.Services.Api.Models;
using Polly.Timeout;

namespace Nop.Plugin.Misc.Gameball.Services.Api;

/// <summary>
/// Transport to Gameball's REST API: URL and headers per store, JSON in and out, rate limiting,
/// per-attempt timeout and retries, and every failure turned into a classified
/// <see cref="GameballApiException"/>. Keys go into headers only, never into logs or messages.
/// </summary>
public class GameballHttpClient
{
    private const int MaxResponseBytes = 1024 * 1024;

    private readonly HttpClient _httpClient;
    private readonly GameballRateLimiter _rateLimiter;
    private readonly GameballResilience _resilience;
    private readonly Admin.GameballCallTracker _calls;
    private readonly ILogger<GameballHttpClient> _logger;

    public GameballHttpClient(HttpClient httpClient, GameballRateLimiter rateLimiter, GameballResilience resilience, ILogger<GameballHttpClient> logger,
        Admin.GameballCallTracker calls)
    {
        _calls = calls;
        _httpClient = httpClient;
        _rateLimiter = rateLimiter;
        _resilience = resilience;
        _logger = logger;

        // each attempt has its own timeout (GameballCallPolicy); this is only the outer safety net
        _httpClient.Timeout = TimeSpan.FromMinutes(5);
        _httpClient.MaxResponseContentBufferSize = MaxResponseBytes;
        _httpClient.DefaultRequestHeaders.UserAgent.ParseAdd(GameballDefaults.UserAgent);
        _httpClient.DefaultRequestHeaders.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
    }

    public async Task<TResponse> SendAsync<TResponse>(GameballOperation operation, GameballCredentials credentials, string path, object? body,
        GameballCallPolicy policy, CancellationToken cancellationToken)
        where TResponse : class
    {
        if (!credentials.IsComplete)
            throw new GameballApiException(string.IsNullOrEmpty(credentials.ApiKey) ? GameballErrorKind.InvalidApiKey : GameballErrorKind.InvalidSecretKey,
                operation.Name, "The Gameball API key and secret key of this store are not configured.");

        var uri = BuildUri(credentials, path);
        var json = body is null ? null : GameballJson.Serialize(body);
        var retry = operation.SafeToRepeat ? _resilience.Retry(policy) : Polly.ResiliencePipeline.Empty;
        var timeout = _resilience.Timeout(policy.AttemptTimeout);

        return await retry.ExecuteAsync(async attemptToken =>
        {
            await _rateLimiter.WaitForPermitAsync(credentials, operation.Bucket, attemptToken);
            try
            {
                return await timeout.ExecuteAsync(ct => SendOnceAsync<TResponse>(operation, credentials, uri, json, ct), attemptToken);
            }
            catch (TimeoutRejectedException e)
            {
                _logger.LogWarning("Gameball {Operation} timed out after {Timeout} ms", operation.Name, policy.AttemptTimeout.TotalMilliseconds);
                throw new GameballApiException(GameballErrorKind.Timeout, operation.Name,
                    $"Gameball {operation.Name} did not answer within {policy.AttemptTimeout.TotalSeconds:0.###} s.", innerException: e);
            }
        }, cancellationToken);
    }

    internal static Uri BuildUri(GameballCredentials credentials, string path)
    {
        var baseUrl = credentials.ApiBaseUrl.TrimEnd('/');
        if (!Uri.TryCreate($"{baseUrl}/api/{Uri.EscapeDataString(credentials.ApiVersion)}/integrations/{path}", UriKind.Absolute, out var uri)
            || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp))
            throw new GameballApiException(GameballErrorKind.Validation, "Configuration", $"The Gameball API base URL '{credentials.ApiBaseUrl}' is not an absolute http(s) address.");
        return uri;
    }

    private async ValueTask<TResponse> SendOnceAsync<TResponse>(GameballOperation operation, GameballCredentials credentials, Uri uri, string? json,
        CancellationToken cancellationToken)
        where TResponse : class
    {
        using var request = new HttpRequestMessage(operation.Method, uri);
        request.Headers.TryAddWithoutValidation("apikey", credentials.ApiKey);
        // v4.1 needs the secret key on every call; on v4.0 it is harmless and what High Security Mode needs
        request.Headers.TryAddWithoutValidation("secretkey", credentials.SecretKey);
        if (json is not null)
            request.Content = new StringContent(json, Encoding.UTF8, "application/json");

        var started = Stopwatch.GetTimestamp();
        HttpResponseMessage response;
        string responseBody;
        try
        {
            response = await _httpClient.SendAsync(request, HttpCompletionOption.ResponseContentRead, cancellationToken);
            responseBody = await response.Content.ReadAsStringAsync(cancellationToken);
        }
        catch (Exception e) when (e is HttpRequestException or IOException && !cancellationToken.IsCancellationRequested)
        {
            _logger.LogWarning("Gameball {Operation} could not reach {Host}: {Reason}", operation.Name, uri.Host, e.GetType().Name);
            throw new GameballApiException(GameballErrorKind.Unreachable, operation.Name,
                $"Gameball {operation.Name} could not reach {uri.Host}: {GameballErrorClassifier.Scrub(e.Message, credentials.SecretKey)}", innerException: e);
        }

        using (response)
        {
            var elapsedMs = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            if (!response.IsSuccessStatusCode)
            {
                var error = GameballErrorClassifier.Classify(operation, response.StatusCode, responseBody, RetryAfter(response), credentials.SecretKey);
                _logger.LogWarning("Gameball {Operation} answered {Status} ({Kind}, code {Code}, request {RequestId}) in {Elapsed:0} ms",
                    operation.Name, (int)response.StatusCode, error.Kind, error.GameballCode, error.RequestId, elapsedMs);
                throw error;
            }

            _logger.LogDebug("Gameball {Operation} answered {Status} in {Elapsed:0} ms", operation.Name, (int)response.StatusCode, elapsedMs);
            _calls.Succeeded(DateTime.UtcNow);
            return Read<TResponse>(operation, response, responseBody);
        }
    }

    private static TResponse Read<TResponse>(GameballOperation operation, HttpResponseMessage response, string body)
        where TResponse : class
    {
        // a deletion may answer 200 with nothing at all (the spec gives it no body)
        if (typeof(TResponse) == typeof(NoContentResponse) && string.IsNullOrWhiteSpace(body))
            return (TResponse)(object)NoContentResponse.Instance;
        var mediaType = response.Content.Headers.ContentType?.MediaType;
        if (mediaType is not null && !mediaType.Contains("json", StringComparison.OrdinalIgnoreCase))
            throw new GameballApiException(GameballErrorKind.InvalidResponse, operation.Name,
                $"Gameball {operation.Name} answered {(int)response.StatusCode} with {mediaType} instead of JSON.", (int)response.StatusCode);
        try
        {
            return GameballJson.Deserialize<TResponse>(body)
                ?? throw new GameballApiException(GameballErrorKind.InvalidResponse, operation.Name, $"Gameball {operation.Name} answered {(int)response.StatusCode} with an empty body.", (int)response.StatusCode);
        }
        catch (JsonException e)
        {
            throw new GameballApiException(GameballErrorKind.InvalidResponse, operation.Name,
                $"Gameball {operation.Name} answered {(int)response.StatusCode} with a body that is not the expected JSON.", (int)response.StatusCode, innerException: e);
        }
    }

    private static TimeSpan? RetryAfter(HttpResponseMessage response)
    {
        var retryAfter = response.Headers.RetryAfter;
        if (retryAfter?.Delta is { } delta)
            return delta;
        if (retryAfter?.Date is { } date)
            return date - DateTimeOffset.UtcNow is var wait && wait > TimeSpan.Zero ? wait : TimeSpan.Zero;
        return null;
    }
}
