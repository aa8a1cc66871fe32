using Nop.Core;
using Nop.Core.Domain.Customers;
using Nop.Core.Domain.Orders;

namespace Nop.Services.Orders;

public partial interface IGiftCardService
{
    Task DeleteGiftCardAsync(GiftCard giftCard);

    Task<GiftCard> GetGiftCardByIdAsync(int giftCardId);

    Task<IPagedList<GiftCard>> GetAllGiftCardsAsync(int? purchasedWithOrderId = null, int? usedWithOrderId = null,
        DateTime? createdFromUtc = null, DateTime? createdToUtc = null,
        bool? isGiftCardActivated = null, string giftCardCouponCode = null,
        string recipientName = null,
        int pageIndex = 0, int pageSize = int.MaxValue);

    Task InsertGiftCardAsync(GiftCard giftCard);

    Task UpdateGiftCardAsync(GiftCard giftCard);

    Task<IList<GiftCard>> GetActiveGiftCardsAppliedByCustomerAsync(Customer customer);

    Task<decimal> GetGiftCardRemainingAmountAsync(GiftCard giftCard);

    Task<IList<GiftCardUsageHistory>> GetGiftCardUsageHistoryAsync(GiftCard giftCard);

    Task<IList<GiftCardUsageHistory>> GetGiftCardUsageHistoryAsync(Order order);
}
