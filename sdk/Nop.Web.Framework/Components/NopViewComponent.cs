using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ViewComponents;

namespace Nop.Web.Framework.Components;

public abstract partial class NopViewComponent : ViewComponent
{
    // nopCommerce also publishes ModelPreparedEvent here; the stand-in only renders
    public new ViewViewComponentResult View<TModel>(string viewName, TModel model) => base.View(viewName, model);

    public new ViewViewComponentResult View<TModel>(TModel model) => base.View(model);

    public new ViewViewComponentResult View(string viewName) => base.View(viewName);
}
