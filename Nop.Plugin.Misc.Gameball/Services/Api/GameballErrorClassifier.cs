using System.Net;
using Newtonsoft.Json;
using Nop.Plugin.Misc.Gameball.Services.Api.Models;

namespace Nop.Plugin.Misc.Gameball.Services.Api;

/// <summary>
/// Turns a non-success answer of Gameball into a classified <see cref="GameballApiException"/>
/// (fact sheet §1.3 and §1.6): pure, no I/O.
/// </summary>
internal static class GameballErrorClassifier
{
    private const int MaxMessageLength = 500;

    public static GameballApiException Classify(GameballOperation operation, HttpStatusCode status, string? body, TimeSpan? retryAfter, string? secretKey)
    {
        var error = TryReadErrorBody(body);
        var code = error?.Code;
        var kind = Kind(operation, (int)status, error?.Code);
        var detail = error?.Message;
        if (string.IsNullOrWhiteSpace(detail))
            detail = error is null && !string.IsNullOrWhiteSpace(body) ? "the answer was not Gameball's JSON error" : "no message";

        var message = $"Gameball {operation.Name} failed: HTTP {(int)status}" + (code is null ? string.Empty : $", code {code}") + $": {Scrub(detail, secretKey)}";
        return new GameballApiException(kind, operation.Name, message, (int)status, code, error?.RequestId, retryAfter);
    }

    public static GameballErrorKind Kind(GameballOperation operation, int status, int? code)
    {
        switch (code)
        {
            case 1000:
                return GameballErrorKind.InvalidApiKey;
            case 1001:
                return GameballErrorKind.InvalidSecretKey;
            case 1002 or 6003 or 8000:
                return GameballErrorKind.Forbidden;
            case 6000 or 6001:
                return GameballErrorKind.AccountDisabled;
            case 2001:
                // another request for the same customer is still being processed
                return GameballErrorKind.ServerError;
            case 9004:
                return GameballErrorKind.AlreadyApplied;
            case 9001 when operation == GameballOperation.Refund:
                return GameballErrorKind.AlreadyApplied;
            case 9003 when operation == GameballOperation.TrackOrder:
                // same timestamp: our retries resend the same order with the same date
                return GameballErrorKind.AlreadyApplied;
            case 7001 when operation == GameballOperation.UpsertCustomer:
                return GameballErrorKind.AlreadyApplied;
            case 4004 or 7000 or 7003 or 9002 or 9005 or 9006:
                return GameballErrorKind.NotFound;
            case 5000 or 5003:
                return GameballErrorKind.ServerError;
        }

        return status switch
        {
            401 => GameballErrorKind.InvalidApiKey,
            403 => GameballErrorKind.Forbidden,
            404 => GameballErrorKind.NotFound,
            408 => GameballErrorKind.Timeout,
            429 => GameballErrorKind.RateLimited,
            >= 500 => GameballErrorKind.ServerError,
            >= 400 => GameballErrorKind.Validation,
            _ => GameballErrorKind.InvalidResponse
        };
    }

    private static GameballErrorBody? TryReadErrorBody(string? body)
    {
        if (string.IsNullOrWhiteSpace(body) || body.TrimStart()[0] != '{')
            return null;
        try
        {
            return GameballJson.Deserialize<GameballErrorBody>(body);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>Keeps Gameball's text short and free of the secret key, should an upstream ever echo it.</summary>
    internal static string Scrub(string text, string? secretKey)
    {
        if (!string.IsNullOrEmpty(secretKey))
            text = text.Replace(secretKey, "***", StringComparison.Ordinal);
        text = text.ReplaceLineEndings(" ");
        return text.Length <= MaxMessageLength ? text : text[..MaxMessageLength] + "…";
    }
}
