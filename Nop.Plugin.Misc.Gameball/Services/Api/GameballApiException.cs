namespace Nop.Plugin.Misc.Gameball.Services.Api;

/// <summary>
/// A Gameball call that did not succeed, classified so callers act on <see cref="Kind"/> rather than on
/// message text. The message never carries a key.
/// </summary>
public sealed class GameballApiException : Exception
{
    public GameballApiException(GameballErrorKind kind, string operation, string message, int? httpStatus = null, int? gameballCode = null,
        string? requestId = null, TimeSpan? retryAfter = null, Exception? innerException = null)
        : base(message, innerException)
    {
        Kind = kind;
        Operation = operation;
        HttpStatus = httpStatus;
        GameballCode = gameballCode;
        RequestId = requestId;
        RetryAfter = retryAfter;
    }

    public GameballErrorKind Kind { get; }

    public string Operation { get; }

    public int? HttpStatus { get; }

    /// <summary>Gameball's application code (e.g. 9004), when its error body had one.</summary>
    public int? GameballCode { get; }

    /// <summary>Gameball's request id, for its support.</summary>
    public string? RequestId { get; }

    /// <summary>How long Gameball asked us to wait (429 with Retry-After).</summary>
    public TimeSpan? RetryAfter { get; }

    public bool IsTransient => Kind.IsTransient();
}
