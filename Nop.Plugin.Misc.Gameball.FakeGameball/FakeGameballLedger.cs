using System.Collections.Concurrent;
using System.Text.Json.Nodes;

namespace Nop.Plugin.Misc.Gameball.FakeGameball;

/// <summary>
/// What the fake Gameball has applied: tracked orders, refunds, cashback transactions and customers,
/// plus how often each id was offered, so tests can assert exactly-once.
/// </summary>
public sealed class FakeGameballLedger
{
    private readonly object _gate = new();
    private readonly Dictionary<string, TrackedOrder> _orders = new(StringComparer.Ordinal);
    private readonly Dictionary<string, AppliedRefund> _refunds = new(StringComparer.Ordinal);
    private readonly Dictionary<string, AppliedCashback> _cashback = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, JsonObject> _customers = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, int> _orderAttempts = new(StringComparer.Ordinal);
    private readonly Dictionary<string, long> _sequence = new(StringComparer.Ordinal);
    private long _nextSequence = 100_000;

    public decimal PointsPerCurrencyUnit { get; set; } = 1m;

    public IReadOnlyCollection<TrackedOrder> Orders { get { lock (_gate) return [.. _orders.Values]; } }

    public IReadOnlyCollection<AppliedRefund> Refunds { get { lock (_gate) return [.. _refunds.Values]; } }

    public IReadOnlyCollection<AppliedCashback> CashbackTransactions { get { lock (_gate) return [.. _cashback.Values]; } }

    public IReadOnlyDictionary<string, JsonObject> Customers => _customers;

    /// <summary>Events as received, one entry per event name in a request (Gameball keeps no id to de-duplicate them on).</summary>
    public IReadOnlyCollection<ReceivedEvent> Events { get { lock (_gate) return [.. _events]; } }

    private readonly List<ReceivedEvent> _events = [];

    internal void RecordEvent(string customerId, string name, JsonObject metadata, JsonObject body)
    {
        lock (_gate)
            _events.Add(new ReceivedEvent(customerId, name, metadata.DeepClone().AsObject(), body.DeepClone().AsObject(), DateTime.UtcNow));
    }

    /// <summary>How many times an order id was posted (applied once at most).</summary>
    public int TrackAttempts(string orderId) => _orderAttempts.GetValueOrDefault(orderId);

    public int Points(decimal amount) => (int)Math.Floor(amount * PointsPerCurrencyUnit);

    internal TrackedOrder? TryTrackOrder(string orderId, string customerId, decimal totalPaid, JsonObject body)
    {
        _orderAttempts.AddOrUpdate(orderId, 1, (_, n) => n + 1);
        lock (_gate)
        {
            if (_orders.ContainsKey(orderId))
                return null;
            var order = new TrackedOrder(orderId, customerId, totalPaid, Points(totalPaid), body, DateTime.UtcNow);
            _orders[orderId] = order;
            _sequence[orderId] = ++_nextSequence;
            return order;
        }
    }

    internal TrackedOrder? FindOrder(string orderId)
    {
        lock (_gate)
            return _orders.GetValueOrDefault(orderId);
    }

    internal RefundOutcome TryRefund(string refundTransactionId, string reverseTransactionId, decimal? refundAmount, JsonObject body)
    {
        lock (_gate)
        {
            if (_refunds.ContainsKey(refundTransactionId))
                return RefundOutcome.Duplicate;
            if (!_orders.TryGetValue(reverseTransactionId, out var order) && !_cashback.ContainsKey(reverseTransactionId) && !_burns.ContainsKey(reverseTransactionId))
                return RefundOutcome.UnknownTransaction;
            var original = order?.TotalPaid ?? (_cashback.TryGetValue(reverseTransactionId, out var cashback) ? cashback.Amount : _burns[reverseTransactionId].Amount);
            var alreadyRefunded = _refunds.Values.Where(r => r.ReverseTransactionId == reverseTransactionId).Sum(r => r.Amount);
            var amount = refundAmount ?? original - alreadyRefunded;
            if (amount <= 0 || alreadyRefunded + amount > original)
                return RefundOutcome.ExceedsRemaining;
            // a burn's reversal gives back the points it took, in proportion to the amount
            var points = _burns.TryGetValue(reverseTransactionId, out var burn) ? (int)Math.Round(burn.Points * amount / burn.Amount) : Points(amount);
            _refunds[refundTransactionId] = new AppliedRefund(refundTransactionId, reverseTransactionId, amount, points, body, DateTime.UtcNow);
            _sequence[refundTransactionId] = ++_nextSequence;
            return RefundOutcome.Applied;
        }
    }

    internal AppliedRefund Refund(string refundTransactionId)
    {
        lock (_gate)
            return _refunds[refundTransactionId];
    }

    internal AppliedCashback? TryCashback(string transactionId, string customerId, decimal amount, JsonObject body)
    {
        lock (_gate)
        {
            if (_cashback.ContainsKey(transactionId))
                return null;
            var applied = new AppliedCashback(transactionId, customerId, amount, Points(amount), body, DateTime.UtcNow);
            _cashback[transactionId] = applied;
            _sequence[transactionId] = ++_nextSequence;
            return applied;
        }
    }

    private readonly ConcurrentQueue<ProfileUpsert> _profileUpserts = new();
    private readonly ConcurrentQueue<AppliedReferral> _referrals = new();
    private readonly ConcurrentQueue<string> _erasures = new();
    private readonly ConcurrentDictionary<string, bool> _erased = new(StringComparer.Ordinal);

    /// <summary>Every POST /customers applied, in order, and whether it created the customer.</summary>
    public IReadOnlyCollection<ProfileUpsert> ProfileUpserts => _profileUpserts;

    /// <summary>Referrals Gameball counted: a known code on the referred customer's creation call.</summary>
    public IReadOnlyCollection<AppliedReferral> Referrals => _referrals;

    /// <summary>Customers erased with DELETE /customers/{customerId}, in order.</summary>
    public IReadOnlyCollection<string> Erasures => _erasures;

    /// <summary>The referral code Gameball gives a customer (what GET /customers/{id} calls referralCode).</summary>
    public static string ReferralCodeOf(string customerId) =>
        "REF" + Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(customerId)))[..8];

    /// <summary>A customer Gameball already has (one who can refer others), created outside the plugin.</summary>
    public string AddReferrer(string customerId)
    {
        _customers[customerId] = new JsonObject { ["customerId"] = customerId };
        return ReferralCodeOf(customerId);
    }

    internal string? CustomerWithReferralCode(string code) =>
        _customers.Keys.FirstOrDefault(id => string.Equals(ReferralCodeOf(id), code, StringComparison.OrdinalIgnoreCase));

    internal void UpsertCustomer(string customerId, JsonObject body)
    {
        var created = !IsKnownCustomer(customerId);
        var code = body["referrerCode"]?.GetValue<string>();
        // Gameball counts a referral on the creation call only, and ignores a code it does not know
        if (created && code is not null && CustomerWithReferralCode(code) is { } referrer && referrer != customerId)
            _referrals.Enqueue(new AppliedReferral(customerId, code, referrer, DateTime.UtcNow));
        _erased.TryRemove(customerId, out _);
        _customers[customerId] = body;
        _profileUpserts.Enqueue(new ProfileUpsert(customerId, created, body, DateTime.UtcNow));
    }

    /// <summary>False when Gameball has no such customer.</summary>
    internal bool EraseCustomer(string customerId)
    {
        if (!IsKnownCustomer(customerId))
            return false;
        _customers.TryRemove(customerId, out _);
        _erased[customerId] = true;
        _erasures.Enqueue(customerId);
        return true;
    }

    internal IReadOnlyList<(string Type, string TransactionId, decimal Amount, int Points, DateTime At)> TransactionsOf(string orderId)
    {
        lock (_gate)
        {
            var list = new List<(string, string, decimal, int, DateTime)>();
            if (_orders.TryGetValue(orderId, out var order))
                list.Add(("PaymentReward", orderId, order.TotalPaid, order.Points, order.At));
            foreach (var refund in _refunds.Values.Where(r => r.ReverseTransactionId == orderId))
                list.Add((refund.Amount >= (order?.TotalPaid ?? 0) ? "Refund" : "PartialRefund", refund.RefundTransactionId, refund.Amount, -refund.Points, refund.At));
            return list;
        }
    }

    /// <summary>A customer's ledger, oldest first, as GET /transactions pages it (by Gameball transaction id).</summary>
    internal IReadOnlyList<LedgerEntry> LedgerOf(string customerId)
    {
        lock (_gate)
        {
            var ids = _orders.Values.Where(o => o.CustomerId == customerId).Select(o => o.OrderId)
                .Concat(_cashback.Values.Where(c => c.CustomerId == customerId).Select(c => c.TransactionId)).ToHashSet();
            var entries = _orders.Values.Where(o => o.CustomerId == customerId)
                .Select(o => new LedgerEntry(_sequence[o.OrderId], "PaymentReward", "+", o.OrderId, o.TotalPaid, o.Points, o.At))
                .Concat(_cashback.Values.Where(c => c.CustomerId == customerId)
                    .Select(c => new LedgerEntry(_sequence[c.TransactionId], "ManualAccumulation", "+", c.TransactionId, c.Amount, c.Points, c.At)))
                .Concat(_refunds.Values.Where(r => ids.Contains(r.ReverseTransactionId))
                    .Select(r => new LedgerEntry(_sequence[r.RefundTransactionId], "Refund", "-", r.RefundTransactionId, r.Amount, r.Points, r.At)));
            return [.. entries.OrderBy(e => e.Sequence)];
        }
    }

    /// <summary>Points a customer holds: earned on orders and cashback, less refunds.</summary>
    internal decimal BalanceOf(string customerId)
    {
        lock (_gate)
        {
            var ids = _orders.Values.Where(o => o.CustomerId == customerId).Select(o => o.OrderId)
                .Concat(_cashback.Values.Where(c => c.CustomerId == customerId).Select(c => c.TransactionId)).ToHashSet();
            var burns = _burns.Values.Where(b => b.CustomerId == customerId).Select(b => b.TransactionId).ToHashSet();
            return _orders.Values.Where(o => o.CustomerId == customerId).Sum(o => o.Points)
                + _cashback.Values.Where(c => c.CustomerId == customerId).Sum(c => c.Points)
                + _grants.GetValueOrDefault(customerId)
                - _refunds.Values.Where(r => ids.Contains(r.ReverseTransactionId)).Sum(r => r.Points)
                - _burns.Values.Where(b => b.CustomerId == customerId).Sum(b => b.Points)
                + _refunds.Values.Where(r => burns.Contains(r.ReverseTransactionId)).Sum(r => r.Points);
        }
    }

    private readonly Dictionary<string, FakeHold> _holds = new(StringComparer.Ordinal);
    private readonly Dictionary<string, AppliedBurn> _burns = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _grants = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<string> _releases = new();

    /// <summary>The money value of one point when it is spent (GET /configurations/rewards/redemption pointValue).</summary>
    public decimal PointValue { get; set; } = 0.1m;

    public decimal MinimumRedeemablePoints { get; set; } = 100;

    /// <summary>At most this per cent of an order may be paid with points.</summary>
    public decimal MaximumRedemptionPercent { get; set; } = 50;

    public bool RedemptionEnabled { get; set; } = true;

    /// <summary>How long a hold lives (Gameball's default is 10 minutes).</summary>
    public TimeSpan HoldLifetime { get; set; } = TimeSpan.FromMinutes(10);

    public IReadOnlyCollection<FakeHold> Holds { get { lock (_gate) return [.. _holds.Values]; } }

    public IReadOnlyCollection<AppliedBurn> Burns { get { lock (_gate) return [.. _burns.Values]; } }

    /// <summary>Hold references released with DELETE, in order (a release of a hold that was not active is not counted).</summary>
    public IReadOnlyCollection<string> Releases => _releases;

    /// <summary>Points a customer got outside the plugin (e.g. earlier orders): the customer exists in Gameball.</summary>
    public void GrantPoints(string customerId, int points)
    {
        lock (_gate)
            _grants[customerId] = _grants.GetValueOrDefault(customerId) + points;
    }

    /// <summary>Makes a hold expire now, as Gameball does when its time runs out.</summary>
    public void ExpireHold(string reference)
    {
        lock (_gate)
            _holds[reference].ExpiresUtc = DateTime.UtcNow.AddSeconds(-1);
    }

    public HoldState StateOf(string reference)
    {
        lock (_gate)
            return _holds[reference].StateAt(DateTime.UtcNow);
    }

    /// <summary>Points on active holds are not available to spend.</summary>
    public decimal AvailableOf(string customerId)
    {
        var now = DateTime.UtcNow;
        lock (_gate)
            return BalanceOf(customerId) - _holds.Values.Where(h => h.CustomerId == customerId && h.StateAt(now) == HoldState.Active).Sum(h => h.Points);
    }

    internal FakeHold? TryHold(string customerId, int points)
    {
        lock (_gate)
        {
            if (points <= 0 || AvailableOf(customerId) < points)
                return null;
            var hold = new FakeHold
            {
                Reference = Guid.NewGuid().ToString(),
                CustomerId = customerId,
                Points = points,
                Amount = points * PointValue,
                ExpiresUtc = DateTime.UtcNow + HoldLifetime,
                CreatedUtc = DateTime.UtcNow,
            };
            _holds[hold.Reference] = hold;
            return hold;
        }
    }

    internal FakeHold? FindHold(string reference)
    {
        lock (_gate)
            return _holds.GetValueOrDefault(reference);
    }

    /// <summary>False when the hold is unknown or no longer active.</summary>
    internal bool TryRelease(string reference)
    {
        lock (_gate)
        {
            if (!_holds.TryGetValue(reference, out var hold) || hold.StateAt(DateTime.UtcNow) != HoldState.Active)
                return false;
            hold.State = HoldState.Released;
            _releases.Enqueue(reference);
            return true;
        }
    }

    internal (BurnOutcome Outcome, AppliedBurn? Burn) TryBurn(string transactionId, string customerId, string? holdReference, int? points, decimal? amount, JsonObject body)
    {
        lock (_gate)
        {
            if (_burns.ContainsKey(transactionId) || _orders.ContainsKey(transactionId) || _cashback.ContainsKey(transactionId))
                return (BurnOutcome.Duplicate, null);
            int burnPoints;
            if (holdReference is not null)
            {
                if (!_holds.TryGetValue(holdReference, out var hold) || hold.CustomerId != customerId || hold.StateAt(DateTime.UtcNow) != HoldState.Active)
                    return (BurnOutcome.HoldNotFound, null);
                hold.State = HoldState.Used;
                burnPoints = hold.Points;
            }
            else
            {
                burnPoints = points ?? (int)Math.Ceiling((amount ?? 0) / PointValue);
                if (burnPoints <= 0 || AvailableOf(customerId) < burnPoints)
                    return (BurnOutcome.NotEnoughPoints, null);
            }

            var burn = new AppliedBurn(transactionId, customerId, burnPoints, burnPoints * PointValue, holdReference, body, DateTime.UtcNow);
            _burns[transactionId] = burn;
            _sequence[transactionId] = ++_nextSequence;
            return (BurnOutcome.Applied, burn);
        }
    }

    internal bool IsKnownCustomer(string customerId)
    {
        if (_customers.ContainsKey(customerId))
            return true;
        if (_erased.ContainsKey(customerId))
            return false;
        lock (_gate)
            return _orders.Values.Any(o => o.CustomerId == customerId) || _cashback.Values.Any(c => c.CustomerId == customerId) || _grants.ContainsKey(customerId);
    }
}

/// <summary>A hold's life in the fake: active until used, released or past its expiry.</summary>
public enum HoldState
{
    Active,
    Used,
    Released,
    Expired
}

public sealed class FakeHold
{
    public required string Reference { get; init; }
    public required string CustomerId { get; init; }
    public required int Points { get; init; }
    public required decimal Amount { get; init; }
    public required DateTime ExpiresUtc { get; set; }
    public HoldState State { get; internal set; }
    public DateTime CreatedUtc { get; init; }

    internal HoldState StateAt(DateTime nowUtc) => State == HoldState.Active && nowUtc >= ExpiresUtc ? HoldState.Expired : State;
}

/// <summary>Points burned by POST /transactions/redeem (by hold reference, amount or points).</summary>
public sealed record AppliedBurn(string TransactionId, string CustomerId, int Points, decimal Amount, string? HoldReference, JsonObject Body, DateTime At);

internal sealed record LedgerEntry(long Sequence, string Type, string Direction, string TransactionId, decimal Amount, int Points, DateTime At);

public sealed record ProfileUpsert(string CustomerId, bool Created, JsonObject Body, DateTime At);

public sealed record AppliedReferral(string CustomerId, string ReferrerCode, string ReferrerCustomerId, DateTime At);

public sealed record TrackedOrder(string OrderId, string CustomerId, decimal TotalPaid, int Points, JsonObject Body, DateTime At);

public sealed record AppliedRefund(string RefundTransactionId, string ReverseTransactionId, decimal Amount, int Points, JsonObject Body, DateTime At);

public sealed record ReceivedEvent(string CustomerId, string Name, JsonObject Metadata, JsonObject Body, DateTime At);

public sealed record AppliedCashback(string TransactionId, string CustomerId, decimal Amount, int Points, JsonObject Body, DateTime At);

internal enum BurnOutcome
{
    Applied,
    Duplicate,
    HoldNotFound,
    NotEnoughPoints
}

internal enum RefundOutcome
{
    Applied,
    Duplicate,
    UnknownTransaction,
    ExceedsRemaining
}
