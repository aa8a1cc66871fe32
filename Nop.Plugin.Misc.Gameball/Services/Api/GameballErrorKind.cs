namespace Nop.Plugin.Misc.Gameball.Services.Api;

/// <summary>What went wrong in a Gameball call, as callers need to act on it.</summary>
public enum GameballErrorKind
{
    /// <summary>The API key is missing or wrong (401, code 1000). Never retry; tell the admin.</summary>
    InvalidApiKey,

    /// <summary>The secret key is missing or wrong (401, code 1001). Never retry; tell the admin.</summary>
    InvalidSecretKey,

    /// <summary>The keys are valid but lack access, or the feature is not in the subscription (403).</summary>
    Forbidden,

    /// <summary>Gameball is switched off for the workspace, or its cashback is (6000, 6001).</summary>
    AccountDisabled,

    /// <summary>Gameball refused the request as invalid. Never retry the same request; keep the message.</summary>
    Validation,

    /// <summary>The same id was applied before (duplicate order, refund or transaction): the work is done.</summary>
    AlreadyApplied,

    /// <summary>What the request refers to does not exist in Gameball (customer, order to reverse).</summary>
    NotFound,

    /// <summary>Gameball's rate limit was hit (429). Retry later.</summary>
    RateLimited,

    /// <summary>Gameball failed (5xx) or is busy with the same customer (2001). Retry later.</summary>
    ServerError,

    /// <summary>No answer in time. The request may or may not have been applied.</summary>
    Timeout,

    /// <summary>Gameball could not be reached (DNS, refused, reset). Retry later.</summary>
    Unreachable,

    /// <summary>Gameball answered with something that is not its JSON (an HTML page, garbage). Retry later.</summary>
    InvalidResponse
}

public static class GameballErrorKindExtensions
{
    /// <summary>Worth trying again later with the same request.</summary>
    public static bool IsTransient(this GameballErrorKind kind) => kind is GameballErrorKind.RateLimited or GameballErrorKind.ServerError
        or GameballErrorKind.Timeout or GameballErrorKind.Unreachable or GameballErrorKind.InvalidResponse;

    /// <summary>The store's keys or account need the admin's attention; no request can succeed until then.</summary>
    public static bool IsConfigurationProblem(this GameballErrorKind kind) => kind is GameballErrorKind.InvalidApiKey or GameballErrorKind.InvalidSecretKey
        or GameballErrorKind.Forbidden or GameballErrorKind.AccountDisabled;
}
