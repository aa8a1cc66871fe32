using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewEngines;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.Extensions.DependencyInjection;
using Nop.Web.Models.Catalog;
using Nop.Web.Models.ShoppingCart;

namespace Nop.Plugin.Misc.Gameball.Tests.Support;

/// <summary>
/// The demo store's public pages: stand-ins for nopCommerce 4.90's storefront views where the plugin's
/// widgets render (DemoAssets/Views/DemoStorefront), with the real pages' structure: the product page, the
/// cart, the one-page checkout (its steps fetched after load as JSON and inserted with jQuery, as
/// public.onepagecheckout.js does) and the multi-step checkout's confirm page. <c>?lang=ar</c> renders a page
/// in Arabic and right to left, as nopCommerce does for an RTL language; <c>?dir=rtl</c> only turns the layout around.
/// </summary>
public class DemoStorefrontController : Controller
{
    private const string Views = "~/Views/DemoStorefront/";
    private const decimal GiftWrappingFee = 5m;

    private readonly InMemoryNopStore _store;

    public DemoStorefrontController(InMemoryNopStore store)
    {
        _store = store;
    }

    [HttpGet("product/{id:int}")]
    public IActionResult Product(int id, string? dir)
    {
        var product = _store.Products.FirstOrDefault(p => p.Id == id);
        if (product is null)
            return NotFound();
        Page(dir);
        ViewData["Price"] = Money(product.Price * InMemoryNopStore.TaxFactor);
        ViewData["Sku"] = product.Sku;
        return View(Views + "Product.cshtml", new ProductDetailsModel { Id = product.Id, Name = product.Name });
    }

    [HttpGet("cart")]
    public IActionResult Cart(string? dir)
    {
        Page(dir);
        return View(Views + "Cart.cshtml", Summary(isEditable: true, giftWrapping: false));
    }

    // nopCommerce's checkoutAttributeChange(): the cart posts its form, the answer carries new order totals
    // that replace .total-info (the key is spelled as nopCommerce spells it)
    [HttpPost("cart/checkoutattributechange")]
    public async Task<IActionResult> CheckoutAttributeChange([FromForm(Name = "checkout_attribute_1")] string? giftWrapping)
    {
        var totals = Summary(isEditable: true, giftWrapping: giftWrapping == "1").Totals;
        return Json(new { ordetotalssectionhtml = await PartialToStringAsync("_OrderTotals.cshtml", totals) });
    }

    [HttpGet("onepagecheckout")]
    public IActionResult OnePageCheckout(string? dir)
    {
        Page(dir);
        return View(Views + "OnePageCheckout.cshtml");
    }

    [HttpPost("checkout/OpcSaveBilling/")]
    public async Task<IActionResult> OpcSaveBilling() =>
        Json(Step("payment-method", "payment_method", await PartialToStringAsync("_OpcPaymentMethod.cshtml", null)));

    [HttpPost("checkout/OpcSavePaymentMethod/")]
    public async Task<IActionResult> OpcSavePaymentMethod() =>
        Json(Step("payment-info", "payment_info", await PartialToStringAsync("_OpcPaymentInfo.cshtml", null)));

    [HttpPost("checkout/OpcSavePaymentInfo/")]
    public async Task<IActionResult> OpcSavePaymentInfo() =>
        Json(Step("confirm-order", "confirm_order", await PartialToStringAsync("OpcConfirmOrder.cshtml", Summary(isEditable: false, giftWrapping: false))));

    [HttpGet("checkout/confirm")]
    public IActionResult Confirm(string? dir)
    {
        Page(dir);
        return View(Views + "Confirm.cshtml", Summary(isEditable: false, giftWrapping: false));
    }

    // what nopCommerce's one-page checkout answers after a step is saved
    private static object Step(string name, string gotoSection, string html) =>
        new { update_section = new { name, html }, goto_section = gotoSection };

    // as nopCommerce: right to left for a language with the Rtl flag (?lang=ar); ?dir=rtl turns an English page around
    private void Page(string? dir) => ViewData["Rtl"] = InMemoryNopStore.WorkingLanguage.Rtl || string.Equals(dir, "rtl", StringComparison.OrdinalIgnoreCase);

    private DemoOrderSummary Summary(bool isEditable, bool giftWrapping) => Summary(_store, isEditable, giftWrapping);

    /// <summary>The current customer's cart as nopCommerce's order summary and order totals show it.</summary>
    internal static DemoOrderSummary Summary(InMemoryNopStore store, bool isEditable, bool giftWrapping)
    {
        var customer = store.CurrentCustomer;
        var lines = store.Cart.Where(i => customer is not null && i.CustomerId == customer.Id)
            .Select(i => (Item: i, Product: store.Products.First(p => p.Id == i.ProductId)))
            .Select(l => new DemoCartLine(l.Item.Id, l.Product.Name, l.Product.Sku, Money(l.Product.Price * InMemoryNopStore.TaxFactor), l.Item.Quantity,
                Money(l.Product.Price * InMemoryNopStore.TaxFactor * l.Item.Quantity)))
            .ToList();
        var subTotal = store.Cart.Where(i => customer is not null && i.CustomerId == customer.Id)
            .Sum(i => store.Products.First(p => p.Id == i.ProductId).Price * InMemoryNopStore.TaxFactor * i.Quantity);
        // a checkout attribute's price is part of nopCommerce's sub-total
        subTotal += giftWrapping ? GiftWrappingFee : 0m;
        // as nopCommerce's order total: the applied gift cards (the points' card among them) come off, each up to what is left
        var total = subTotal;
        var giftCards = new List<DemoGiftCardLine>();
        if (customer is not null && lines.Count > 0)
        {
            foreach (var card in store.AppliedGiftCardsOf(customer, total))
            {
                total -= card.AmountCanBeUsed;
                giftCards.Add(new DemoGiftCardLine(card.GiftCard.Id, card.GiftCard.GiftCardCouponCode, Money(-card.AmountCanBeUsed),
                    Money(store.RemainingOf(card.GiftCard) - card.AmountCanBeUsed)));
            }
        }

        var totals = new DemoOrderTotals(Money(subTotal), isEditable ? null : Money(0m), Money(total), giftCards);
        return new DemoOrderSummary(new ShoppingCartModel { IsEditable = isEditable }, lines, totals, ShowReviewData: !isEditable);
    }

    private static string Money(decimal amount) => amount.ToString("C2", CultureInfo.GetCultureInfo("en-US"));

    // renders a partial view of the demo into a string, for JSON answers as nopCommerce's controllers do
    private async Task<string> PartialToStringAsync(string view, object? model)
    {
        var engine = HttpContext.RequestServices.GetRequiredService<ICompositeViewEngine>();
        var found = engine.GetView(executingFilePath: null, Views + view, isMainPage: false);
        if (!found.Success)
            throw new InvalidOperationException($"The demo has no view {view}.");
        var viewData = new ViewDataDictionary(ViewData) { Model = model };
        await using var writer = new StringWriter();
        await found.View.RenderAsync(new ViewContext(ControllerContext, found.View, viewData, TempData, writer, new HtmlHelperOptions()));
        return writer.ToString();
    }
}

/// <summary>A line of the demo cart, as the order summary lists it.</summary>
public sealed record DemoCartLine(int Id, string Name, string? Sku, string UnitPrice, int Quantity, string SubTotal);

/// <summary>The order totals table's values (nopCommerce's OrderTotalsModel has them as strings too).</summary>
public sealed record DemoOrderTotals(string SubTotal, string? Shipping, string OrderTotal, IReadOnlyList<DemoGiftCardLine>? GiftCards = null);

/// <summary>A gift card the totals take off (nopCommerce's OrderTotalsModel.GiftCard): its code, the amount used, what it has left.</summary>
public sealed record DemoGiftCardLine(int Id, string CouponCode, string Amount, string Remaining);

/// <summary>What the demo's order summary renders; <see cref="Cart"/> is what nopCommerce hands the widget zones.</summary>
public sealed record DemoOrderSummary(ShoppingCartModel Cart, IReadOnlyList<DemoCartLine> Lines, DemoOrderTotals Totals, bool ShowReviewData);
