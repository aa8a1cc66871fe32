using System.Globalization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Nop.Core;
using Nop.Plugin.Misc.Gameball.Services.Preview;
using Nop.Services.Configuration;
using Nop.Services.Logging;

namespace Nop.Plugin.Misc.Gameball.Filters;

/// <summary>
/// Applies the store's per-client preview limit (<see cref="PreviewClientLimiter"/>) to a preview endpoint:
/// past it the client gets 429 with Retry-After, before its input is bound, anything is priced or Gameball
/// is asked. A filter on the plugin's own actions, so it works whatever middleware the host's pipeline has.
/// </summary>
public sealed class PreviewClientLimitAttribute : TypeFilterAttribute
{
    public PreviewClientLimitAttribute() : base(typeof(PreviewClientLimitFilter))
    {
    }

    private sealed class PreviewClientLimitFilter : IAsyncResourceFilter
    {
        private readonly ILogger _logger;
        private readonly ISettingService _settingService;
        private readonly IStoreContext _storeContext;
        private readonly IWebHelper _webHelper;
        private readonly PreviewClientLimiter _limiter;
        private readonly PreviewFailureLog _log;

        public PreviewClientLimitFilter(ILogger logger,
            ISettingService settingService,
            IStoreContext storeContext,
            IWebHelper webHelper,
            PreviewClientLimiter limiter,
            PreviewFailureLog log)
        {
            _logger = logger;
            _settingService = settingService;
            _storeContext = storeContext;
            _webHelper = webHelper;
            _limiter = limiter;
            _log = log;
        }

        public async Task OnResourceExecutionAsync(ResourceExecutingContext context, ResourceExecutionDelegate next)
        {
            var store = await _storeContext.GetCurrentStoreAsync();
            var limit = (await _settingService.LoadSettingAsync<GameballSettings>(store.Id)).PreviewRequestsPerMinutePerClient;
            if (_limiter.TryAdmit(store.Id, _webHelper.GetCurrentIpAddress(), limit, out var retryAfter))
            {
                await next();
                return;
            }

            var response = context.HttpContext.Response;
            response.Headers.RetryAfter = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
            response.Headers.CacheControl = "no-store";
            context.Result = new StatusCodeResult(StatusCodes.Status429TooManyRequests);
            await _log.ReportClientLimitedAsync(_logger, store.Id, limit);
        }
    }
}
