using System.Globalization;
using Microsoft.AspNetCore.Http;
using Nop.Core.Domain.Catalog;
using Nop.Core.Domain.Customers;
using Nop.Core.Domain.Orders;
using Nop.Core.Domain.Stores;
using Nop.Plugin.Misc.Gameball.Services.Api.Models;
using Nop.Services.Catalog;
using Nop.Services.Orders;
using Nop.Services.Tax;

namespace Nop.Plugin.Misc.Gameball.Services.Preview;

/// <summary>
/// Prices a product or a cart the way nopCommerce prices it for this shopper (customer roles, discounts,
/// attribute adjustments, tax display), in the primary store currency, and turns it into Gameball's
/// calculate-cashback request.
/// </summary>
public class PreviewPricing
{
    private readonly IOrderTotalCalculationService _orderTotalCalculationService;
    private readonly IProductAttributeParser _productAttributeParser;
    private readonly IProductService _productService;
    private readonly IShoppingCartService _shoppingCartService;
    private readonly ITaxService _taxService;

    public PreviewPricing(IOrderTotalCalculationService orderTotalCalculationService,
        IProductAttributeParser productAttributeParser,
        IProductService productService,
        IShoppingCartService shoppingCartService,
        ITaxService taxService)
    {
        _orderTotalCalculationService = orderTotalCalculationService;
        _productAttributeParser = productAttributeParser;
        _productService = productService;
        _shoppingCartService = shoppingCartService;
        _taxService = taxService;
    }

    public async Task<PreviewQuote> QuoteProductAsync(Product product, int quantity, IFormCollection? attributesForm, Customer customer, Store store, string? gameballCustomerId)
    {
        var attributesXml = attributesForm is null ? string.Empty : await _productAttributeParser.ParseProductAttributesAsync(product, attributesForm, []);
        var (unitPrice, _, _) = await _shoppingCartService.GetUnitPriceAsync(product, customer, store, ShoppingCartType.ShoppingCart, quantity,
            attributesXml, decimal.Zero, null, null, true);
        var (shownUnitPrice, _) = await _taxService.GetProductPriceAsync(product, unitPrice);
        var total = Math.Round(shownUnitPrice * quantity, 4, MidpointRounding.AwayFromZero);

        var request = new CalculateCashbackRequest
        {
            CustomerId = gameballCustomerId,
            TotalPaid = total,
            TotalPrice = total,
            TotalDiscount = 0,
            TotalShipping = 0,
            LineItems = [new LineItem { ProductId = product.Id.ToString(CultureInfo.InvariantCulture), Sku = product.Sku, Quantity = quantity, Price = shownUnitPrice }],
        };
        var key = string.Join('|', store.Id, gameballCustomerId ?? "guest", "p" + product.Id.ToString(CultureInfo.InvariantCulture),
            shownUnitPrice.ToString(CultureInfo.InvariantCulture), quantity.ToString(CultureInfo.InvariantCulture));
        return new PreviewQuote(key, request);
    }

    /// <returns>Null for an empty cart.</returns>
    public async Task<PreviewQuote?> QuoteCartAsync(Customer customer, Store store, string? gameballCustomerId)
    {
        var cart = await _shoppingCartService.GetShoppingCartAsync(customer, ShoppingCartType.ShoppingCart, store.Id);
        if (cart.Count == 0)
            return null;

        var (discount, _, subTotalWithoutDiscount, subTotalWithDiscount, _) = await _orderTotalCalculationService.GetShoppingCartSubTotalAsync(cart, true);
        var (cartTotal, orderDiscount, _, appliedGiftCards, _, _) = await _orderTotalCalculationService.GetShoppingCartTotalAsync(cart);
        var shipping = await _orderTotalCalculationService.GetShoppingCartShippingTotalAsync(cart) ?? 0;
        // gift cards (the points' card among them) pay, they do not earn: the tracked order's totalPaid leaves them out too
        var giftCards = (appliedGiftCards ?? []).Sum(g => g.AmountCanBeUsed);
        // before shipping is chosen nopCommerce has no total yet: the discounted subtotal less the gift cards is what is known
        var totalPaid = cartTotal ?? subTotalWithDiscount - giftCards;

        var products = (await _productService.GetProductsByIdsAsync([.. cart.Select(i => i.ProductId).Distinct()])).ToDictionary(p => p.Id);
        var lines = new List<LineItem>();
        foreach (var item in cart)
        {
            var (subTotal, lineDiscount, _, _) = await _shoppingCartService.GetSubTotalAsync(item, true);
            products.TryGetValue(item.ProductId, out var product);
            lines.Add(new LineItem
            {
                ProductId = item.ProductId.ToString(CultureInfo.InvariantCulture),
                Sku = product?.Sku,
                Quantity = item.Quantity,
                Price = item.Quantity == 0 ? 0 : Math.Round((subTotal + lineDiscount) / item.Quantity, 4, MidpointRounding.AwayFromZero),
                Discount = lineDiscount,
            });
        }

        var request = new CalculateCashbackRequest
        {
            CustomerId = gameballCustomerId,
            TotalPaid = Math.Max(0, totalPaid),
            TotalPrice = subTotalWithoutDiscount + shipping,
            TotalDiscount = Math.Max(0, discount + orderDiscount + giftCards),
            TotalShipping = Math.Max(0, shipping),
            LineItems = lines,
        };
        var fingerprint = string.Join(';', cart.OrderBy(i => i.Id).Select(i => $"{i.ProductId}x{i.Quantity}:{i.AttributesXml?.GetHashCode(StringComparison.Ordinal)}"));
        var key = string.Join('|', store.Id, gameballCustomerId ?? "guest:" + customer.CustomerGuid.ToString("N"), "cart",
            request.TotalPaid.ToString(CultureInfo.InvariantCulture), fingerprint);
        return new PreviewQuote(key, request);
    }
}
