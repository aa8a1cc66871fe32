using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Nop.Core.Domain.Orders;
using Nop.Plugin.Misc.Gameball.Services.Api.Models;

namespace Nop.Plugin.Misc.Gameball.Services.Redemption;

/// <summary>Gameball's redemption rules as the plugin applies them: point value, minimum, largest share of the order.</summary>
public sealed record RedemptionRules(decimal PointValue, long MinimumPoints, decimal MaximumSharePercent, bool Enabled)
{
    public static RedemptionRules From(RedemptionRulesResponse rules, RedemptionConfigurationResponse? configuration)
    {
        var value = rules.PointValue is > 0 ? rules.PointValue.Value : configuration?.RedemptionFactor ?? 0;
        var share = rules.MaximumRedemption is > 0 and <= 100 ? rules.MaximumRedemption.Value : 100;
        return new RedemptionRules(value, (long)Math.Ceiling(Math.Max(0, rules.MinimumPoints ?? 0)), share, rules.Enabled != false && value > 0);
    }
}

/// <summary>What the shopper may apply now.</summary>
public sealed record RedemptionLimits(long AvailablePoints, decimal AvailableValue, long MinimumPoints, long MaximumPoints, decimal PointValue)
{
    public bool CanRedeem => MaximumPoints >= Math.Max(1, MinimumPoints);

    public bool Allows(long points) => CanRedeem && points >= Math.Max(1, MinimumPoints) && points <= MaximumPoints;
}

/// <summary>The redemption's arithmetic and identities: pure functions, no I/O.</summary>
public static class RedemptionMath
{
    /// <summary>
    /// The most points the shopper may apply: no more than they have available, and worth no more than the
    /// program's share of the order's total (before the points).
    /// </summary>
    public static RedemptionLimits Limits(RedemptionRules rules, decimal availablePoints, decimal orderTotalBeforePoints)
    {
        var available = (long)Math.Floor(Math.Max(0, availablePoints));
        if (!rules.Enabled || rules.PointValue <= 0)
            return new RedemptionLimits(available, 0, rules.MinimumPoints, 0, rules.PointValue);
        var shareValue = Math.Max(0, orderTotalBeforePoints) * rules.MaximumSharePercent / 100m;
        var byShare = (long)Math.Floor(shareValue / rules.PointValue);
        return new RedemptionLimits(available, ValueOf(available, rules.PointValue), rules.MinimumPoints, Math.Min(available, byShare), rules.PointValue);
    }

    public static decimal ValueOf(decimal points, decimal pointValue) => Math.Round(points * pointValue, 2, MidpointRounding.ToZero);

    /// <summary>The cart as a hold was made for it: items, quantities, attributes and prices entered. Same cart, same key.</summary>
    public static string CartKey(IEnumerable<ShoppingCartItem> cart)
    {
        var text = string.Join("|", cart.OrderBy(i => i.Id).Select(i => string.Join(";",
            i.Id.ToString(CultureInfo.InvariantCulture), i.ProductId.ToString(CultureInfo.InvariantCulture), i.Quantity.ToString(CultureInfo.InvariantCulture),
            i.AttributesXml ?? string.Empty, i.CustomerEnteredPrice.ToString(CultureInfo.InvariantCulture))));
        return Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(text)))[..32];
    }

    /// <summary>A gift card code no one can guess or type by chance: the card is this customer's points.</summary>
    public static string NewGiftCardCode() => "GB-" + Convert.ToHexString(RandomNumberGenerator.GetBytes(12));

    /// <summary>The burn's transactionId: one per order, so the burn happens once whatever retries it.</summary>
    public static string BurnTransactionId(string gameballOrderId) => gameballOrderId + "-points";

    public static string ReturnTransactionId(string burnTransactionId) => burnTransactionId + "-R";
}
