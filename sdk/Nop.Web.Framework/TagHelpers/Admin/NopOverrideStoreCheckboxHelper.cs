using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace Nop.Web.Framework.TagHelpers.Admin;

// The host renders the "override for this store" check box when a store scope is chosen; the stand-in
// renders nothing (the demo store has one store).
[HtmlTargetElement("nop-override-store-checkbox", Attributes = FOR_ATTRIBUTE_NAME, TagStructure = TagStructure.WithoutEndTag)]
public partial class NopOverrideStoreCheckboxHelper : TagHelper
{
    protected const string FOR_ATTRIBUTE_NAME = "asp-for";
    protected const string INPUT_ATTRIBUTE_NAME = "asp-input";
    protected const string INPUT_2_ATTRIBUTE_NAME = "asp-input2";
    protected const string STORE_SCOPE_ATTRIBUTE_NAME = "asp-store-scope";
    protected const string PARENT_CONTAINER_ATTRIBUTE_NAME = "asp-parent-container";

    protected readonly IHtmlHelper _htmlHelper;

    public NopOverrideStoreCheckboxHelper(IHtmlHelper htmlHelper)
    {
        _htmlHelper = htmlHelper;
    }

    public override Task ProcessAsync(TagHelperContext context, TagHelperOutput output)
    {
        output.SuppressOutput();
        return Task.CompletedTask;
    }

    [HtmlAttributeName(FOR_ATTRIBUTE_NAME)]
    public Microsoft.AspNetCore.Mvc.ViewFeatures.ModelExpression For { get; set; }

    [HtmlAttributeName(INPUT_ATTRIBUTE_NAME)]
    public Microsoft.AspNetCore.Mvc.ViewFeatures.ModelExpression Input { set; get; }

    [HtmlAttributeName(INPUT_2_ATTRIBUTE_NAME)]
    public Microsoft.AspNetCore.Mvc.ViewFeatures.ModelExpression Input2 { set; get; }

    [HtmlAttributeName(STORE_SCOPE_ATTRIBUTE_NAME)]
    public int StoreScope { set; get; }

    [HtmlAttributeName(PARENT_CONTAINER_ATTRIBUTE_NAME)]
    public string ParentContainer { set; get; }

    [HtmlAttributeNotBound]
    [ViewContext]
    public ViewContext ViewContext { get; set; }
}
