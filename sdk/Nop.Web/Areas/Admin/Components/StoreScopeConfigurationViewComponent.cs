using Microsoft.AspNetCore.Mvc;
using Nop.Web.Framework.Components;

namespace Nop.Web.Areas.Admin.Components;

public partial class StoreScopeConfigurationViewComponent : NopViewComponent
{
    // the host renders its store-scope selector; the stand-in renders nothing
    public Task<IViewComponentResult> InvokeAsync() => Task.FromResult<IViewComponentResult>(Content(string.Empty));
}
