using Microsoft.Extensions.DependencyInjection;
using Nop.Services.Localization;
using Nop.Web.Framework.Localization;

namespace Nop.Web.Framework.Mvc.Razor;

public abstract partial class NopRazorPage<TModel> : Microsoft.AspNetCore.Mvc.Razor.RazorPage<TModel>
{
    // the host resolves resources through its engine; the stand-in through the request's services
    public Localizer T => (text, args) =>
    {
        var service = ViewContext?.HttpContext?.RequestServices?.GetService<ILocalizationService>();
        var format = service?.GetResourceAsync(text).GetAwaiter().GetResult();
        format = string.IsNullOrEmpty(format) ? text : format;
        return new LocalizedString(args is { Length: > 0 } ? string.Format(System.Globalization.CultureInfo.CurrentCulture, format, args) : format);
    };
}
