using Microsoft.AspNetCore.Mvc;
using Nop.Plugin.Misc.Gameball.Models;
using Nop.Plugin.Misc.Gameball.Services.Orders;
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

    public GameballOrderCardViewComponent(IOrderService orderService, IPermissionService permissionService, OrderSyncStateStore stateStore)
    {
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

        return View("~/Plugins/Misc.Gameball/Views/OrderCard.cshtml", new OrderCardModel
        {
            OrderId = order.Id,
            State = await _stateStore.LoadAsync(order),
            CanResend = await _permissionService.AuthorizeAsync(StandardPermission.Orders.ORDERS_CREATE_EDIT_DELETE)
                || await _permissionService.AuthorizeAsync(StandardPermission.Configuration.MANAGE_PLUGINS),
        });
    }
}
