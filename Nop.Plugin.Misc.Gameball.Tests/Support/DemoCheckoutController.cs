using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.DependencyInjection;
using Nop.Core.Domain.Orders;
using Nop.Core.Events;
using Nop.Plugin.Misc.Gameball.Services.Redemption;

namespace Nop.Plugin.Misc.Gameball.Tests.Support;

/// <summary>
/// The demo's stand-in for nopCommerce's CheckoutController where an order is placed: the multi-step checkout's
/// confirm POST (ConfirmOrder, whose action name is Confirm) and the one-page checkout's OpcConfirmOrder, named as nopCommerce names them so the
/// plugin's filters see the same route values. Placing follows nopCommerce's PlaceOrder: the order total less the
/// applied gift cards, the cart cleared (an event per item), the cards' use recorded, then OrderPlacedEvent. The
/// payment method is Check / Money Order: the order waits for its payment.
/// </summary>
public class CheckoutController : Controller
{
    private readonly InMemoryNopStore _store;

    public CheckoutController(InMemoryNopStore store)
    {
        _store = store;
    }

    [HttpPost("checkout/confirm")]
    [ActionName("Confirm")]
    public async Task<IActionResult> ConfirmOrder() => Redirect("/checkout/completed/" + (await PlaceAsync()).Id.ToString(CultureInfo.InvariantCulture));

    [HttpPost("checkout/OpcConfirmOrder/")]
    public async Task<IActionResult> OpcConfirmOrder() => Json(new { success = 1, redirect = "/checkout/completed/" + (await PlaceAsync()).Id.ToString(CultureInfo.InvariantCulture) });

    [HttpGet("checkout/completed/{id:int}")]
    public IActionResult Completed(int id)
    {
        var order = _store.Orders.First(o => o.Id == id);
        return Content($"<!DOCTYPE html><html><body><div class=\"page checkout-page order-completed-page\"><h1>Thank you</h1>"
            + $"<div class=\"order-number\">Order number: {order.CustomOrderNumber}</div><div class=\"order-total\">Order total: {Money(order.OrderTotal)}</div></div></body></html>", "text/html");
    }

    private async Task<Order> PlaceAsync()
    {
        var customer = _store.CurrentCustomer!;
        var lines = _store.Cart.Where(i => i.CustomerId == customer.Id).ToList();
        var order = _store.AddOrder(customer, paid: false, [.. lines.Select(l => (_store.Products.First(p => p.Id == l.ProductId), l.Quantity))]);
        order.OrderShippingInclTax = order.OrderShippingExclTax = 0;
        order.PaymentMethodSystemName = "Payments.CheckMoneyOrder";
        var remaining = order.OrderSubtotalInclTax;
        var usages = new List<GiftCardUsageHistory>();
        foreach (var card in _store.ActiveGiftCardsOf(customer))
        {
            var used = Math.Min(_store.RemainingOf(card), remaining);
            remaining -= used;
            usages.Add(new GiftCardUsageHistory { Id = _store.NextId(), GiftCardId = card.Id, UsedWithOrderId = order.Id, UsedValue = used, CreatedOnUtc = DateTime.UtcNow });
        }

        order.OrderTotal = remaining;
        var consumer = ActivatorUtilities.CreateInstance<RedemptionEventConsumer>(HttpContext.RequestServices);
        foreach (var line in lines)
        {
            _store.Remove(_store.Cart, line);
            await consumer.HandleEventAsync(new EntityDeletedEvent<ShoppingCartItem>(line));
        }

        _store.GiftCardUsages.AddRange(usages);
        _store.AppliedGiftCardCodes.TryRemove(customer.Id, out _);
        await consumer.HandleEventAsync(new OrderPlacedEvent(order));
        return order;
    }

    private static string Money(decimal amount) => amount.ToString("C2", CultureInfo.GetCultureInfo("en-US"));
}
