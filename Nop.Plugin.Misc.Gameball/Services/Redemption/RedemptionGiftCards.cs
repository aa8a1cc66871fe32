using System.Globalization;
using Nop.Core.Domain.Catalog;
using Nop.Core.Domain.Customers;
using Nop.Core.Domain.Orders;
using Nop.Services.Customers;
using Nop.Services.Orders;

namespace Nop.Plugin.Misc.Gameball.Services.Redemption;

/// <summary>
/// How a hold comes off the order, the nopCommerce way: a one-off gift card worth the held amount, applied to the
/// customer's cart. nopCommerce shows it as its own totals line, takes it off OrderTotal before the payment method
/// charges and records its use on the order (GiftCardUsageHistory: admin order page, invoice, order details). The
/// card is only ever the one customer's: its code is random and never shown outside their own totals, and it is
/// deactivated the moment the hold ends (deleted when no order used it, so the admin's gift card list stays clean).
/// </summary>
public class RedemptionGiftCards
{
    public const string SenderName = "Gameball";

    private readonly ICustomerService _customerService;
    private readonly IGiftCardService _giftCardService;
    private readonly TimeProvider _timeProvider;

    public RedemptionGiftCards(ICustomerService customerService, IGiftCardService giftCardService, TimeProvider timeProvider)
    {
        _customerService = customerService;
        _giftCardService = giftCardService;
        _timeProvider = timeProvider;
    }

    /// <summary>A Gameball card: what the plugin issues (the code's prefix), whoever applied it.</summary>
    public static bool IsGameballCode(string? code) => code?.StartsWith("GB-", StringComparison.Ordinal) == true;

    public async Task IssueAsync(Customer customer, PointsHold hold)
    {
        var card = new GiftCard
        {
            GiftCardType = GiftCardType.Virtual,
            Amount = hold.HoldAmount,
            IsGiftCardActivated = true,
            GiftCardCouponCode = RedemptionMath.NewGiftCardCode(),
            RecipientName = string.Join(' ', new[] { customer.FirstName, customer.LastName }.Where(n => !string.IsNullOrWhiteSpace(n))),
            RecipientEmail = customer.Email,
            SenderName = SenderName,
            Message = string.Format(CultureInfo.InvariantCulture, "Gameball points: {0} points held for customer {1} (hold {2}, reference {3}). Valid for this customer's order only.",
                hold.HoldPoints, customer.Id, hold.HoldId, hold.HoldReference),
            IsRecipientNotified = true,
            CreatedOnUtc = _timeProvider.GetUtcNow().UtcDateTime,
        };
        await _giftCardService.InsertGiftCardAsync(card);
        await _customerService.ApplyGiftCardCouponCodeAsync(customer, card.GiftCardCouponCode);
        hold.GiftCardId = card.Id;
        hold.GiftCardCode = card.GiftCardCouponCode;
    }

    /// <summary>Whether the customer still has the hold's card applied (the gift card box may have removed it).</summary>
    public async Task<bool> IsAppliedAsync(Customer customer, PointsHold hold)
    {
        var codes = await _customerService.ParseAppliedGiftCardCouponCodesAsync(customer);
        return hold.GiftCardCode is not null && codes.Contains(hold.GiftCardCode, StringComparer.OrdinalIgnoreCase);
    }

    /// <summary>Takes the card off the cart and out of use: deleted when no order used it, deactivated otherwise.</summary>
    public async Task RetireAsync(Customer customer, PointsHold hold)
    {
        if (hold.GiftCardCode is not null)
            await _customerService.RemoveGiftCardCouponCodeAsync(customer, hold.GiftCardCode);
        if (hold.GiftCardId is not { } id || await _giftCardService.GetGiftCardByIdAsync(id) is not { } card)
            return;
        if (await _giftCardService.GetGiftCardRemainingAmountAsync(card) >= card.Amount)
        {
            await _giftCardService.DeleteGiftCardAsync(card);
            return;
        }

        card.IsGiftCardActivated = false;
        await _giftCardService.UpdateGiftCardAsync(card);
    }

    /// <summary>The value of the hold's card an order took off its total.</summary>
    public async Task<decimal> UsedOnOrderAsync(Order order, PointsHold hold) =>
        hold.GiftCardId is not { } id ? 0 : (await _giftCardService.GetGiftCardUsageHistoryAsync(order)).Where(u => u.GiftCardId == id).Sum(u => u.UsedValue);

    /// <summary>The order that took the hold's card off its total, and how much it took; null while no order used it.</summary>
    public async Task<(int OrderId, decimal Amount)?> FindUseAsync(PointsHold hold)
    {
        if (hold.GiftCardId is not { } id || await _giftCardService.GetGiftCardByIdAsync(id) is not { } card)
            return null;
        var uses = (await _giftCardService.GetGiftCardUsageHistoryAsync(card)).Where(u => u.UsedWithOrderId > 0).ToList();
        if (uses.Count == 0)
            return null;
        var orderId = uses.OrderBy(u => u.CreatedOnUtc).First().UsedWithOrderId;
        return (orderId, uses.Where(u => u.UsedWithOrderId == orderId).Sum(u => u.UsedValue));
    }

    /// <summary>Gameball cards the customer applied that are not the hold's (a code someone else was given): removed.</summary>
    public async Task<bool> RemoveForeignCardsAsync(Customer customer, PointsHold? hold)
    {
        var removed = false;
        foreach (var code in await _customerService.ParseAppliedGiftCardCouponCodesAsync(customer))
        {
            if (!IsGameballCode(code) || string.Equals(code, hold?.GiftCardCode, StringComparison.OrdinalIgnoreCase))
                continue;
            await _customerService.RemoveGiftCardCouponCodeAsync(customer, code);
            removed = true;
        }

        return removed;
    }
}
