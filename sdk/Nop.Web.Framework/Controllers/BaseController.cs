using Microsoft.AspNetCore.Mvc;

namespace Nop.Web.Framework.Controllers;

public abstract partial class BaseController : Controller
{
    protected virtual IActionResult AccessDeniedView() => RedirectToAction("AccessDenied", "Security", new { pageUrl = Request?.Path.ToString() });
}
