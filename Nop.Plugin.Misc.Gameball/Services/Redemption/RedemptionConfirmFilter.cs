using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Nop.Core;
using Nop.Services.Configuration;
using Nop.Services.Localization;
using Nop.Services.Messages;

namespace Nop.Plugin.Misc.Gameball.Services.Redemption;

/// <summary>
/// Runs before both checkouts place the order (the multi-step checkout's confirm POST, CheckoutController.ConfirmOrder
/// with the action name Confirm, and the one-page checkout's OpcConfirmOrder): a points hold that Gameball no longer has, or that was made for another cart, comes off the
/// order before it is placed, and the shopper is told instead of the order being placed (the confirm page shows
/// the total without the points; the one-page checkout shows the message as its own errors). Registered with MVC
/// for every action; anything else passes through untouched.
/// </summary>
public sealed class RedemptionConfirmFilter : IAsyncActionFilter
{
    private readonly ILocalizationService _localizationService;
    private readonly INotificationService _notificationService;
    private readonly ISettingService _settingService;
    private readonly IStoreContext _storeContext;
    private readonly IWorkContext _workContext;
    private readonly RedemptionService _redemption;

    public RedemptionConfirmFilter(ILocalizationService localizationService, INotificationService notificationService, ISettingService settingService,
        IStoreContext storeContext, IWorkContext workContext, RedemptionService redemption)
    {
        _localizationService = localizationService;
        _notificationService = notificationService;
        _settingService = settingService;
        _storeContext = storeContext;
        _workContext = workContext;
        _redemption = redemption;
    }

    public static bool IsPlacingAnOrder(ActionExecutingContext context) =>
        HttpMethods.IsPost(context.HttpContext.Request.Method)
        && string.Equals(context.RouteData.Values["controller"] as string, "Checkout", StringComparison.OrdinalIgnoreCase)
        && context.RouteData.Values["action"] is string action
        // the multi-step checkout's ConfirmOrder is the POST of the action named "Confirm"
        && (string.Equals(action, "Confirm", StringComparison.OrdinalIgnoreCase) || string.Equals(action, "OpcConfirmOrder", StringComparison.OrdinalIgnoreCase));

    public async Task OnActionExecutionAsync(ActionExecutingContext context, ActionExecutionDelegate next)
    {
        if (!IsPlacingAnOrder(context))
        {
            await next();
            return;
        }

        var store = await _storeContext.GetCurrentStoreAsync();
        var settings = await _settingService.LoadSettingAsync<GameballSettings>(store.Id);
        var customer = await _workContext.GetCurrentCustomerAsync();
        var outcome = await _redemption.CheckBeforePlacingAsync(settings, store, customer, context.HttpContext.RequestAborted);
        if (outcome == RedemptionOutcome.Ok)
        {
            await next();
            return;
        }

        var message = await _localizationService.GetResourceAsync("Plugins.Misc.Gameball.Redemption.Error." + outcome);
        if (string.Equals(context.RouteData.Values["action"] as string, "OpcConfirmOrder", StringComparison.OrdinalIgnoreCase))
        {
            // what public.onepagecheckout.js shows for a confirm step that failed
            context.Result = new JsonResult(new { error = 1, message });
            return;
        }

        _notificationService.WarningNotification(message);
        var request = context.HttpContext.Request;
        context.Result = new RedirectResult(request.PathBase + request.Path);
    }
}
