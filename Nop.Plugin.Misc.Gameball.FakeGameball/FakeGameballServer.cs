using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Nop.Plugin.Misc.Gameball.FakeGameball;

/// <summary>
/// A strict fake of Gameball's integration API on a real HTTP server bound to loopback: keys are
/// checked like Gameball checks them, every request body is validated against Gameball's OpenAPI
/// document, applied work is kept in a <see cref="Ledger"/>, and faults and rate limits can be scripted.
/// </summary>
public sealed class FakeGameballServer : IAsyncDisposable
{
    private static readonly Random _requestIds = new(42);
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<RecordedRequest> _requests = new();

    private FakeGameballServer(WebApplication app, string apiKey, string secretKey)
    {
        _app = app;
        ApiKey = apiKey;
        SecretKey = secretKey;
    }

    public string ApiKey { get; }

    public string SecretKey { get; }

    /// <summary>http://127.0.0.1:{port}, the value for GameballSettings.ApiBaseUrl.</summary>
    public string BaseUrl { get; private set; } = string.Empty;

    public FakeGameballLedger Ledger { get; } = new();

    public FakeGameballFaults Faults { get; } = new();

    public FakeGameballRateLimits RateLimits { get; } = new();

    /// <summary>Every request received, in order, with what the spec said of it.</summary>
    public IReadOnlyCollection<RecordedRequest> Requests => _requests;

    public static async Task<FakeGameballServer> StartAsync(string apiKey = "gb_test_fake_api_key", string secretKey = "gb_secret_fake_3f9c2a7b51d84e06", int port = 0)
    {
        // load and compile the spec's schemas now, not inside the first request's time
        _ = OpenApiRequestValidator.Instance;
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(k => k.Listen(IPAddress.Loopback, port));
        var app = builder.Build();
        var server = new FakeGameballServer(app, apiKey, secretKey);
        app.Run(server.HandleAsync);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        server.BaseUrl = address.Replace("[::1]", "127.0.0.1", StringComparison.Ordinal);
        return server;
    }

    public async ValueTask DisposeAsync()
    {
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(5));
        await _app.StopAsync(stop.Token);
        await _app.DisposeAsync();
    }

    private async Task HandleAsync(HttpContext context)
    {
        var request = context.Request;
        var path = request.Path.Value ?? string.Empty;
        var body = await new StreamReader(request.Body, Encoding.UTF8).ReadToEndAsync();
        var recorded = new RecordedRequest(request.Method, path, body, request.Headers.ContainsKey("apikey"), request.Headers.ContainsKey("secretkey"), DateTime.UtcNow);
        _requests.Enqueue(recorded);

        var route = System.Text.RegularExpressions.Regex.Match(path, "^/api/(v4\\.[01])/integrations/(.+)$");
        if (!route.Success)
        {
            await Error(context, 404, 4004, "GENERAL_ERROR", "Resource not found.");
            return;
        }

        var version = route.Groups[1].Value;
        var integrationPath = route.Groups[2].Value;
        var operation = OpenApiRequestValidator.Instance.Find(request.Method, integrationPath);
        if (operation is null)
        {
            await Error(context, 404, 4004, "GENERAL_ERROR", $"No such endpoint: {request.Method} {integrationPath}.");
            return;
        }

        // Gameball checks the keys before anything else; header names are case-insensitive
        if (!string.Equals(request.Headers["apikey"].ToString(), ApiKey, StringComparison.Ordinal))
        {
            await Error(context, 401, 1000, "AUTHENTICATION_ERROR", "Not authenticated: the API key is missing or invalid.");
            return;
        }

        if ((operation.NeedsSecretKey || version == "v4.1") && !string.Equals(request.Headers["secretkey"].ToString(), SecretKey, StringComparison.Ordinal))
        {
            await Error(context, 401, 1001, "AUTHENTICATION_ERROR", "The secret key is missing or invalid.");
            return;
        }

        if (!RateLimits.TryAdmit(request.Method, integrationPath))
        {
            recorded.Outcome = "429 rate limit";
            await Error(context, 429, 0, "REQUEST_ERROR", "Too many requests.");
            return;
        }

        var queryViolations = operation.ValidateQuery(name => request.Query[name].ToString());
        if (queryViolations.Count > 0)
        {
            recorded.Violations = queryViolations;
            recorded.Outcome = "400 query";
            await Error(context, 400, 3000, "PAYLOAD_ERROR", "Invalid request: " + string.Join("; ", queryViolations));
            return;
        }

        JsonNode? json = null;
        if (operation.BodySchema is not null)
        {
            try
            {
                json = string.IsNullOrWhiteSpace(body) ? null : JsonNode.Parse(body);
            }
            catch (JsonException)
            {
                recorded.Outcome = "400 malformed JSON";
                await Error(context, 400, 3016, "PAYLOAD_ERROR", "Invalid payload: the body is not JSON.");
                return;
            }

            var violations = operation.Validate(json);
            recorded.Violations = violations;
            if (violations.Count > 0)
            {
                recorded.Outcome = "400 schema";
                await Error(context, 400, 3000, "PAYLOAD_ERROR", "Invalid payload: " + string.Join("; ", violations));
                return;
            }
        }

        var fault = Faults.Take(integrationPath);
        if (fault is not null && await ApplyFaultBeforeAsync(context, fault))
        {
            recorded.Outcome = "fault " + fault.Kind;
            return;
        }

        var (status, response) = Apply(request.Method, integrationPath, json as JsonObject, request.Query);
        recorded.Outcome = status.ToString(CultureInfo.InvariantCulture);

        if (fault?.Kind == FaultKind.AcceptThenHang)
        {
            recorded.Outcome = "applied, then hung";
            await HangAsync(context);
            return;
        }

        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json; charset=utf-8";
        await context.Response.WriteAsync(response.ToJsonString());
    }

    /// <summary>Applies a fault that replaces the answer; false when the request goes on (latency, accept-then-hang).</summary>
    private static async Task<bool> ApplyFaultBeforeAsync(HttpContext context, Fault fault)
    {
        switch (fault.Kind)
        {
            case FaultKind.Latency:
                await Task.Delay(fault.Delay ?? TimeSpan.FromMilliseconds(200), context.RequestAborted).ContinueWith(_ => { });
                return context.RequestAborted.IsCancellationRequested;
            case FaultKind.AcceptThenHang:
                return false;
            case FaultKind.ServerError:
                await Error(context, 500, 5000, "SERVER_ERROR", "Unexpected server error.");
                return true;
            case FaultKind.ServiceUnavailable:
                await Error(context, 503, 5003, "SERVER_ERROR", "Service temporarily unavailable.");
                return true;
            case FaultKind.TooManyRequests:
                if (fault.RetryAfter is { } retryAfter)
                    context.Response.Headers.RetryAfter = ((int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
                await Error(context, 429, 0, "REQUEST_ERROR", "Too many requests.");
                return true;
            case FaultKind.Hang:
                await HangAsync(context);
                return true;
            case FaultKind.ConnectionReset:
                context.Abort();
                return true;
            case FaultKind.MalformedJson:
                context.Response.StatusCode = 200;
                context.Response.ContentType = "application/json";
                await context.Response.WriteAsync("{\"totalPoints\": 12, \"lineItems\": [ {\"productId\": ");
                return true;
            case FaultKind.HtmlBody:
                context.Response.StatusCode = 502;
                context.Response.ContentType = "text/html";
                await context.Response.WriteAsync("<html><head><title>502 Bad Gateway</title></head><body><h1>502 Bad Gateway</h1></body></html>");
                return true;
            default:
                return false;
        }
    }

    private static async Task HangAsync(HttpContext context) =>
        await Task.Delay(TimeSpan.FromMinutes(5), context.RequestAborted).ContinueWith(_ => { });

    private (int Status, JsonObject Body) Apply(string method, string path, JsonObject? body, IQueryCollection query)
    {
        var parts = path.Split('/');
        switch (method, parts)
        {
            case ("POST", ["orders"]):
                return TrackOrder(body!);
            case ("POST", ["orders", "cashback"]):
                return (200, CashbackPreview(body!));
            case ("POST", ["orders", "reward-preview"]):
                var cashback = CashbackPreview(body!);
                var customerId = body!["customerId"]?.GetValue<string>();
                return (200, new JsonObject
                {
                    ["customerId"] = customerId,
                    ["customerFound"] = customerId is not null && Ledger.IsKnownCustomer(customerId),
                    ["totalPoints"] = cashback["totalPoints"]!.GetValue<int>(),
                    ["totalCoupons"] = 0,
                    ["cashback"] = cashback,
                    ["eventRewards"] = null,
                });
            case ("GET", ["orders", var orderId, "transactions"]):
                var transactions = Ledger.TransactionsOf(Uri.UnescapeDataString(orderId));
                var list = new JsonArray();
                foreach (var t in transactions)
                {
                    list.Add(new JsonObject
                    {
                        // Gameball's own examples carry no zone designator
                        ["transactionDate"] = t.At.ToString("yyyy-MM-dd'T'HH:mm:ss.ff", CultureInfo.InvariantCulture),
                        ["gameballTransactionId"] = _requestIds.Next(100_000, 999_999),
                        ["transactionType"] = t.Type,
                        ["amount"] = t.Amount,
                        ["transactionId"] = t.TransactionId,
                        ["equivalentPoints"] = t.Points,
                    });
                }

                return (200, new JsonObject { ["transactions"] = list, ["count"] = transactions.Count });
            case ("GET", ["transactions"]):
                return (200, CustomerTransactions(query));
            case ("POST", ["transactions", "refund"]):
                return Refund(body!);
            case ("POST", ["transactions", "cashback"]):
                return Cashback(body!);
            case ("POST", ["events"]):
                foreach (var (name, metadata) in body!["events"]!.AsObject())
                    Ledger.RecordEvent(body["customerId"]!.GetValue<string>(), name, metadata?.AsObject() ?? [], body);
                return (200, new JsonObject { ["success"] = true, ["message"] = "Events processed" });
            case ("POST", ["customers"]):
                var id = body!["customerId"]!.GetValue<string>();
                Ledger.UpsertCustomer(id, body);
                return (200, new JsonObject { ["gameballId"] = Math.Abs(id.GetHashCode(StringComparison.Ordinal)) });
            case ("DELETE", ["customers", var erased]):
                return Ledger.EraseCustomer(Uri.UnescapeDataString(erased))
                    ? (200, new JsonObject { ["success"] = true })
                    : ErrorBody(404, 7000, "CUSTOMER_ERROR", "Customer not found.");
            case ("GET", ["referrals", "validate"]):
                var referrer = Ledger.CustomerWithReferralCode(query["referrerCode"].ToString());
                return (200, new JsonObject { ["isValid"] = referrer is not null && referrer != query["forCustomerId"].ToString() });
            case ("GET", ["customers", var balanceOf, "balance"]):
                var customer = Uri.UnescapeDataString(balanceOf);
                if (!Ledger.IsKnownCustomer(customer))
                    return ErrorBody(404, 7000, "CUSTOMER_ERROR", "Customer not found.");
                var points = Ledger.BalanceOf(customer);
                return (200, new JsonObject
                {
                    ["totalPointsBalance"] = points,
                    ["totalPointsValue"] = points / 10m,
                    ["availablePointsBalance"] = Ledger.AvailableOf(customer),
                    ["availablePointsValue"] = Ledger.AvailableOf(customer) / (1m / Ledger.PointValue),
                    ["pendingPoints"] = 0,
                    ["pendingPointsValue"] = 0,
                    ["currency"] = "USD",
                    ["pointsName"] = "Points",
                    ["totalEarnedPoints"] = points,
                });
            case ("POST", ["transactions", "hold"]):
                return Hold(body!);
            case ("GET", ["transactions", "hold", var heldRef]):
                var held = Ledger.FindHold(Uri.UnescapeDataString(heldRef));
                if (held is null || held.StateAt(DateTime.UtcNow) == HoldState.Released)
                    return ErrorBody(404, 9006, "TRANSACTIONS_ERROR", "Hold reference not found.");
                return (200, new JsonObject
                {
                    ["customerId"] = held.CustomerId,
                    ["holdAmount"] = held.Amount,
                    ["holdEquivalentPoints"] = held.Points,
                    ["state"] = held.StateAt(DateTime.UtcNow).ToString().ToLowerInvariant(),
                    // Gameball's example carries no zone designator
                    ["dateToExpire"] = held.ExpiresUtc.ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff", CultureInfo.InvariantCulture),
                });
            case ("DELETE", ["transactions", "hold", var releasedRef]):
                return Ledger.TryRelease(Uri.UnescapeDataString(releasedRef))
                    ? (200, new JsonObject { ["success"] = true, ["message"] = "Hold released successfully" })
                    : ErrorBody(404, 9006, "TRANSACTIONS_ERROR", "Hold reference not found or no longer active.");
            case ("POST", ["transactions", "redeem"]):
                return Redeem(body!);
            case ("GET", ["configurations", "rewards", "redemption"]):
                return (200, new JsonObject
                {
                    ["minimumPoints"] = Ledger.MinimumRedeemablePoints,
                    ["pointValue"] = Ledger.PointValue,
                    ["maximumRedemption"] = Ledger.MaximumRedemptionPercent,
                    ["enabled"] = Ledger.RedemptionEnabled,
                    ["redemptionMethods"] = new JsonArray("points"),
                });
            case ("GET", ["configurations", "redemption"]):
                return (200, new JsonObject { ["redemptionFactor"] = Ledger.PointValue, ["redemptionRules"] = new JsonArray() });
            default:
                return ErrorBody(404, 4004, "GENERAL_ERROR", $"The fake does not implement {method} {path}.");
        }
    }

    /// <summary>GET /transactions filtered as the spec documents: customerId, direction, startAfter (a Gameball transaction id), limit (at most 200).</summary>
    private JsonObject CustomerTransactions(IQueryCollection query)
    {
        var customerId = query["customerId"].ToString();
        var direction = query["direction"].ToString();
        var startAfter = long.TryParse(query["startAfter"].ToString(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var after) ? after : 0;
        var limit = Math.Clamp(int.TryParse(query["limit"].ToString(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var l) ? l : 50, 1, 200);
        var matching = Ledger.LedgerOf(customerId).Where(e => e.Sequence > startAfter && (direction.Length == 0 || e.Direction == direction)).ToList();
        var page = matching.Take(limit).ToList();
        var list = new JsonArray();
        foreach (var e in page)
        {
            list.Add(new JsonObject
            {
                ["transactionId"] = e.TransactionId,
                ["gameballTransactionId"] = e.Sequence.ToString(CultureInfo.InvariantCulture),
                ["type"] = e.Type,
                ["direction"] = e.Direction,
                ["customerId"] = customerId,
                ["points"] = e.Points,
                ["amount"] = e.Amount,
                ["transactionTime"] = e.At.ToString("yyyy-MM-dd'T'HH:mm:ss.fff", CultureInfo.InvariantCulture),
                ["status"] = "Active",
            });
        }

        return new JsonObject { ["transactions"] = list, ["count"] = page.Count, ["hasMore"] = matching.Count > page.Count };
    }

    private (int, JsonObject) TrackOrder(JsonObject body)
    {
        var orderId = body["orderId"]!.GetValue<string>();
        var customerId = body["customerId"]!.GetValue<string>();
        var totalPaid = body["totalPaid"]!.GetValue<decimal>();
        var order = Ledger.TryTrackOrder(orderId, customerId, totalPaid, body);
        if (order is null)
            return ErrorBody(422, 9004, "TRANSACTIONS_ERROR", "A transaction with the same transaction ID already exists.");
        return (200, new JsonObject
        {
            ["customerId"] = customerId,
            ["redeemedPoints"] = 0,
            ["rewardedPoints"] = order.Points,
            ["lineItems"] = new JsonArray(),
        });
    }

    private (int, JsonObject) Hold(JsonObject body)
    {
        var customerId = body["customerId"]!.GetValue<string>();
        var given = new[] { "pointsToHold", "amountToHold", "ruleId" }.Count(k => body[k] is not null);
        if (given != 1)
            return ErrorBody(400, 3000, "PAYLOAD_ERROR", "Exactly one of pointsToHold, amountToHold or ruleId is required.");
        if (!Ledger.IsKnownCustomer(customerId))
            return ErrorBody(404, 7000, "CUSTOMER_ERROR", "Customer not found.");
        var points = body["pointsToHold"] is { } p ? p.GetValue<int>()
            : body["amountToHold"] is { } a ? (int)Math.Ceiling(a.GetValue<decimal>() / Ledger.PointValue) : 0;
        var hold = Ledger.TryHold(customerId, points);
        if (hold is null)
            return ErrorBody(422, 9008, "TRANSACTIONS_ERROR", "The customer does not have enough points.");
        return (200, new JsonObject
        {
            ["customerId"] = customerId,
            ["holdAmount"] = hold.Amount,
            ["holdEquivalentPoints"] = hold.Points,
            ["holdReference"] = hold.Reference,
        });
    }

    private (int, JsonObject) Redeem(JsonObject body)
    {
        var given = new[] { "amount", "points", "holdReference" }.Count(k => body[k] is not null);
        if (given != 1)
            return ErrorBody(400, 3000, "PAYLOAD_ERROR", "Exactly one of amount, points or holdReference is required.");
        var customerId = body["customerId"]!.GetValue<string>();
        var transactionId = body["transactionId"]!.GetValue<string>();
        var (outcome, burn) = Ledger.TryBurn(transactionId, customerId, body["holdReference"]?.GetValue<string>(), body["points"]?.GetValue<int>(), body["amount"]?.GetValue<decimal>(), body);
        return outcome switch
        {
            BurnOutcome.Duplicate => ErrorBody(422, 9004, "TRANSACTIONS_ERROR", "A transaction with the same transaction ID already exists."),
            BurnOutcome.HoldNotFound => ErrorBody(404, 9006, "TRANSACTIONS_ERROR", "Hold reference not found or expired."),
            BurnOutcome.NotEnoughPoints => ErrorBody(422, 9008, "TRANSACTIONS_ERROR", "The customer does not have enough points."),
            _ => (200, new JsonObject
            {
                ["customerId"] = customerId,
                ["gameballTransactionId"] = _requestIds.Next(100_000, 999_999).ToString(CultureInfo.InvariantCulture),
                ["transactionId"] = transactionId,
                ["redeemAmount"] = burn!.Amount,
                ["redeemEquivalentPoints"] = burn.Points,
            }),
        };
    }

    private JsonObject CashbackPreview(JsonObject body)
    {
        var totalPaid = body["totalPaid"]!.GetValue<decimal>();
        var lines = new JsonArray();
        foreach (var line in body["lineItems"]?.AsArray() ?? [])
        {
            var price = line?["price"]?.GetValue<decimal>() ?? 0;
            var quantity = line?["quantity"]?.GetValue<decimal>() ?? 1;
            lines.Add(new JsonObject
            {
                ["productId"] = line?["productId"]?.GetValue<string>(),
                ["quantity"] = quantity,
                ["totalDecimalPoints"] = price * quantity * Ledger.PointsPerCurrencyUnit,
                ["totalPoints"] = Ledger.Points(price * quantity),
                ["totalScore"] = 0,
                ["rewardWalletFactor"] = Ledger.PointsPerCurrencyUnit,
                ["campaignId"] = null,
                ["campaignName"] = null,
                ["campaignEndDate"] = null,
                ["campaignImpactWalletFactor"] = 0,
                ["campaignImpactPoints"] = 0,
            });
        }

        return new JsonObject { ["totalPoints"] = Ledger.Points(totalPaid), ["totalScore"] = 0, ["lineItems"] = lines };
    }

    private (int, JsonObject) Refund(JsonObject body)
    {
        var refundId = body["refundTransactionId"]!.GetValue<string>();
        var outcome = Ledger.TryRefund(refundId, body["reverseTransactionId"]!.GetValue<string>(), body["refundAmount"]?.GetValue<decimal>(), body);
        switch (outcome)
        {
            case RefundOutcome.Duplicate:
                return ErrorBody(422, 9004, "TRANSACTIONS_ERROR", "A transaction with the same transaction ID already exists.");
            case RefundOutcome.UnknownTransaction:
                return ErrorBody(404, 9005, "TRANSACTIONS_ERROR", "The transaction to reverse was not found.");
            case RefundOutcome.ExceedsRemaining:
                return ErrorBody(422, 3003, "PAYLOAD_ERROR", "Invalid value: the refund amount exceeds what remains of the transaction.");
        }

        var refund = Ledger.Refund(refundId);
        return (200, new JsonObject
        {
            ["gameballTransactionId"] = _requestIds.Next(100_000, 999_999).ToString(CultureInfo.InvariantCulture),
            ["refundTransactionId"] = refundId,
            ["refundAmount"] = refund.Amount,
            ["refundEquivalentPoints"] = refund.Points,
        });
    }

    private (int, JsonObject) Cashback(JsonObject body)
    {
        var amount = body["amount"]!.GetValue<decimal>();
        if (amount <= 0)
            return ErrorBody(422, 3003, "PAYLOAD_ERROR", "Invalid value: amount must be positive.");
        var customerId = body["customerId"]!.GetValue<string>();
        var applied = Ledger.TryCashback(body["transactionId"]!.GetValue<string>(), customerId, amount, body);
        if (applied is null)
            return ErrorBody(422, 9004, "TRANSACTIONS_ERROR", "A transaction with the same transaction ID already exists.");
        return (200, new JsonObject
        {
            ["customerId"] = customerId,
            ["gameballTransactionId"] = _requestIds.Next(100_000, 999_999),
            ["rewardAmount"] = amount,
            ["rewardEquivalentPoints"] = applied.Points,
        });
    }

    private static (int, JsonObject) ErrorBody(int status, int code, string type, string message) => (status, new JsonObject
    {
        ["code"] = code,
        ["type"] = type,
        ["message"] = message,
        ["documentationUrl"] = "https://docs.gameball.co/api-reference/overview/status-error-codes",
        ["requestId"] = Guid.NewGuid().ToString("N"),
    });

    private static async Task Error(HttpContext context, int status, int code, string type, string message)
    {
        var (_, body) = ErrorBody(status, code, type, message);
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json; charset=utf-8";
        await context.Response.WriteAsync(body.ToJsonString());
    }
}

public sealed record RecordedRequest(string Method, string Path, string Body, bool HadApiKey, bool HadSecretKey, DateTime At)
{
    /// <summary>Schema violations of the body (empty when valid or when the operation takes no body).</summary>
    public IReadOnlyList<string> Violations { get; internal set; } = [];

    public string? Outcome { get; internal set; }
}
