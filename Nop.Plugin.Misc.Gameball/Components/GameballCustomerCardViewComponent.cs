using Microsoft.AspNetCore.Mvc;
using Nop.Plugin.Misc.Gameball.Models;
using Nop.Plugin.Misc.Gameball.Services.Admin;
using Nop.Services.Configuration;
using Nop.Services.Customers;
using Nop.Services.Security;
using Nop.Web.Areas.Admin.Models.Customers;
using Nop.Web.Framework.Components;

namespace Nop.Plugin.Misc.Gameball.Components;

/// <summary>
/// The Gameball card on the admin customer page: the balance (fetched by the card's script, so the page
/// never waits on Gameball) and, for admins who manage customers, the manual cashback form.
/// </summary>
public class GameballCustomerCardViewComponent : NopViewComponent
{
    private readonly ICustomerService _customerService;
    private readonly IPermissionService _permissionService;
    private readonly ISettingService _settingService;
    private readonly ManualCashbackService _cashbackService;

    public GameballCustomerCardViewComponent(ICustomerService customerService, IPermissionService permissionService, ISettingService settingService, ManualCashbackService cashbackService)
    {
        _customerService = customerService;
        _permissionService = permissionService;
        _settingService = settingService;
        _cashbackService = cashbackService;
    }

    public async Task<IViewComponentResult> InvokeAsync(string widgetZone, object additionalData)
    {
        if (additionalData is not CustomerModel { Id: > 0 } customerModel || !await _permissionService.AuthorizeAsync(StandardPermission.Customers.CUSTOMERS_VIEW))
            return Content(string.Empty);
        var customer = await _customerService.GetCustomerByIdAsync(customerModel.Id);
        if (customer is null)
            return Content(string.Empty);
        var settings = await _settingService.LoadSettingAsync<GameballSettings>(customer.RegisteredInStoreId);
        if (!settings.EnableManualCashback)
            return Content(string.Empty);

        return View("~/Plugins/Misc.Gameball/Views/CustomerCard.cshtml", new CustomerCardModel
        {
            CustomerId = customer.Id,
            CanAward = await _permissionService.AuthorizeAsync(StandardPermission.Customers.CUSTOMERS_CREATE_EDIT_DELETE),
            CannotAwardReason = await _cashbackService.CannotAwardReasonAsync(customer),
            AwardToken = Guid.NewGuid(),
        });
    }
}
