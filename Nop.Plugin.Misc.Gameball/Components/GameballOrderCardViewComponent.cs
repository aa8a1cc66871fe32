using Microsoft.AspNetCore.Mvc;
using Newtonsoft.Json;
using Nop.Core.Domain.Directory;
using Nop.Plugin.Misc.Gameball.Models;
using Nop.Plugin.Misc.Gameball.Services.Orders;
using Nop.Plugin.Misc.Gameball.Services.Redemption;
using Nop.Services.Catalog;
using Nop.Services.Common;
using Nop.Services.Customers;
using Nop.Services.Directory;
using Nop.Services.Orders;
using Nop.Services.Security;
using Nop.Web.Areas.Admin.Models.Orders;
using Nop.Web.Framework.Components;

namespace Nop.Plugin.Misc.Gameball.Components;

/// <summary>The Gameball card on the admin order page: the order's sync state, its reversals, a Resend button.</summary>
public class GameballOrderCardViewComponent : NopViewComponent
{
    private readonly IOrderService _orderService;
    private readonly IPermissionService _permissionService;
    private readonly OrderSyncStateStore _stateStore;
    private readonly ICustomerService _customerService;
    private readonly IGenericAttributeService _genericAttributeService;
    private readonly RedemptionStore _redemptionStore;
    private readonly CurrencySettings _currencySettings;
    private readonly ICurrencyService _currencyService;
    private readonly IPriceFormatter _priceFormatter;

    public GameballOrderCardViewComponent(IOrderService orderService, IPermissionService permissionService, OrderSyncStateStore stateStore,
        ICustomerService customerService, IGenericAttributeService genericAttributeService, RedemptionStore redemptionStore,
        CurrencySettings currencySettings, ICurrencyService currencyService, IPriceFormatter priceFormatter)
    {
        _currencySettings = currencySettings;
        _currencyService = currencyService;
        _priceFormatter = priceFormatter;
        _customerService = customerService;
        _genericAttributeService = genericAttributeService;
        _redemptionStore = redemptionStore;
        _orderService = orderService;
        _permissionService = permissionService;
        _stateStore = stateStore;
    }

    public async Task<IViewComponentResult> InvokeAsync(string widgetZone, object additionalData)
    {
        if (additionalData is not OrderModel { Id: > 0 } orderModel || !await _permissionService.AuthorizeAsync(StandardPermission.Orders.ORDERS_VIEW))
            return Content(string.Empty);
        var order = await _orderService.GetOrderByIdAsync(orderModel.Id);
        if (order is null)
            return Content(string.Empty);

        var (redemption, hold) = await RedemptionOfAsync(order);
        return View("~/Plugins/Misc.Gameball/Views/OrderCard.cshtml", new OrderCardModel
        {
            Redemption = redemption,
            RedemptionHold = hold,
            RedemptionAmount = redemption is null ? null : await PrimaryCurrencyAmountAsync(redemption.Amount),
            OrderId = order.Id,
            State = await _stateStore.LoadAsync(order),
            CanResend = await _permissionService.AuthorizeAsync(StandardPermission.Orders.ORDERS_CREATE_EDIT_DELETE)
                || await _permissionService.AuthorizeAsync(StandardPermission.Configuration.MANAGE_PLUGINS),
        });
    }

    // the gift card, and so the points' value, is in the primary store currency, whatever the admin's working currency
    private async Task<string> PrimaryCurrencyAmountAsync(decimal amount) =>
        await _currencyService.GetCurrencyByIdAsync(_currencySettings.PrimaryStoreCurrencyId) is { } primary
            ? await _priceFormatter.FormatPriceAsync(amount, true, primary)
            : amount.ToString("0.00", System.Globalization.CultureInfo.InvariantCulture);

    private async Task<(OrderRedemption?, PointsHold?)> RedemptionOfAsync(Nop.Core.Domain.Orders.Order order)
    {
        var json = await _genericAttributeService.GetAttributeAsync<string>(order, RedemptionStore.OrderKey);
        if (string.IsNullOrEmpty(json))
            return (null, null);
        OrderRedemption? redemption;
        try
        {
            redemption = JsonConvert.DeserializeObject<OrderRedemption>(json);
        }
        catch (JsonException)
        {
            return (null, null);
        }

        if (redemption is null)
            return (null, null);
        var customer = await _customerService.GetCustomerByIdAsync(redemption.CustomerId);
        var hold = customer is null ? null : (await _redemptionStore.LoadAsync(customer)).FirstOrDefault(h => h.HoldId == redemption.HoldId);
        return (redemption, hold);
    }
}
