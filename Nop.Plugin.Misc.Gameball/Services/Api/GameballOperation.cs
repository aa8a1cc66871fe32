namespace Nop.Plugin.Misc.Gameball.Services.Api;

/// <summary>Gameball's rate-limit buckets (fact sheet §1.4), each with its own limits.</summary>
public enum GameballRateBucket
{
    OrderTracking,
    CashbackCalculation,
    Transactions,
    CustomersRead,
    CustomersWrite,
    Other
}

/// <summary>
/// One Gameball endpoint the plugin calls: method, path under /api/{version}/integrations, rate bucket,
/// and whether repeating it is safe (reads, previews, and writes keyed by an id we chose and resend).
/// </summary>
public sealed record GameballOperation(string Name, HttpMethod Method, string PathTemplate, GameballRateBucket Bucket, bool SafeToRepeat)
{
    public static GameballOperation TrackOrder { get; } = new(nameof(TrackOrder), HttpMethod.Post, "orders", GameballRateBucket.OrderTracking, true);

    public static GameballOperation CalculateCashback { get; } = new(nameof(CalculateCashback), HttpMethod.Post, "orders/cashback", GameballRateBucket.CashbackCalculation, true);

    public static GameballOperation RewardPreview { get; } = new(nameof(RewardPreview), HttpMethod.Post, "orders/reward-preview", GameballRateBucket.CashbackCalculation, true);

    public static GameballOperation OrderTransactions { get; } = new(nameof(OrderTransactions), HttpMethod.Get, "orders/{0}/transactions", GameballRateBucket.OrderTracking, true);

    public static GameballOperation Refund { get; } = new(nameof(Refund), HttpMethod.Post, "transactions/refund", GameballRateBucket.Transactions, true);

    public static GameballOperation Cashback { get; } = new(nameof(Cashback), HttpMethod.Post, "transactions/cashback", GameballRateBucket.Transactions, true);

    /// <summary>A customer's ledger, oldest first, a page after a Gameball transaction id (0 for the first page).</summary>
    public static GameballOperation CustomerTransactions { get; } = new(nameof(CustomerTransactions), HttpMethod.Get, "transactions?customerId={0}&direction=%2B&limit={1}&startAfter={2}", GameballRateBucket.Transactions, true);

    /// <summary>Reports customer actions; Gameball's challenges decide any reward. Not de-duplicated by Gameball (fact sheet §2.8).</summary>
    public static GameballOperation SendEvents { get; } = new(nameof(SendEvents), HttpMethod.Post, "events", GameballRateBucket.Other, false);

    public static GameballOperation UpsertCustomer { get; } = new(nameof(UpsertCustomer), HttpMethod.Post, "customers", GameballRateBucket.CustomersWrite, true);

    public static GameballOperation DeleteCustomer { get; } = new(nameof(DeleteCustomer), HttpMethod.Delete, "customers/{0}", GameballRateBucket.CustomersWrite, true);

    public static GameballOperation ValidateReferrerCode { get; } = new(nameof(ValidateReferrerCode), HttpMethod.Get, "referrals/validate?referrerCode={0}&forCustomerId={1}", GameballRateBucket.CustomersRead, true);

    public static GameballOperation CustomerBalance { get; } = new(nameof(CustomerBalance), HttpMethod.Get, "customers/{0}/balance", GameballRateBucket.CustomersRead, true);

    /// <summary>Reserves points for a checkout. Not repeated by the client: a second hold would reserve the points twice.</summary>
    public static GameballOperation HoldPoints { get; } = new(nameof(HoldPoints), HttpMethod.Post, "transactions/hold", GameballRateBucket.Transactions, false);

    public static GameballOperation GetHold { get; } = new(nameof(GetHold), HttpMethod.Get, "transactions/hold/{0}", GameballRateBucket.Transactions, true);

    public static GameballOperation ReleaseHold { get; } = new(nameof(ReleaseHold), HttpMethod.Delete, "transactions/hold/{0}", GameballRateBucket.Transactions, true);

    /// <summary>Burns points, keyed by the transactionId the plugin chose (a repeat is refused as a duplicate).</summary>
    public static GameballOperation Redeem { get; } = new(nameof(Redeem), HttpMethod.Post, "transactions/redeem", GameballRateBucket.Transactions, true);

    public static GameballOperation RedemptionRules { get; } = new(nameof(RedemptionRules), HttpMethod.Get, "configurations/rewards/redemption", GameballRateBucket.Other, true);

    public static GameballOperation RedemptionConfiguration { get; } = new(nameof(RedemptionConfiguration), HttpMethod.Get, "configurations/redemption?customerId={0}", GameballRateBucket.Other, true);

    public string BuildPath(params string[] segments) =>
        segments.Length == 0 ? PathTemplate : string.Format(System.Globalization.CultureInfo.InvariantCulture, PathTemplate, segments.Select(Uri.EscapeDataString).ToArray<object>());

    public override string ToString() => Name;
}
