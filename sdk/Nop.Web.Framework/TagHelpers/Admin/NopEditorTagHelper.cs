using System.Globalization;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace Nop.Web.Framework.TagHelpers.Admin;

// The host renders its editor templates; the stand-in renders a text box, or a check box for a bool.
[HtmlTargetElement("nop-editor", Attributes = FOR_ATTRIBUTE_NAME, TagStructure = TagStructure.WithoutEndTag)]
public partial class NopEditorTagHelper : TagHelper
{
    protected const string FOR_ATTRIBUTE_NAME = "asp-for";
    protected const string CUSTOM_HTML_ATTRIBUTES = "html-attributes";
    protected const string REQUIRED_ATTRIBUTE_NAME = "asp-required";
    protected const string RENDER_FORM_CONTROL_CLASS_ATTRIBUTE_NAME = "asp-render-form-control-class";
    protected const string TEMPLATE_ATTRIBUTE_NAME = "asp-template";
    protected const string POSTFIX_ATTRIBUTE_NAME = "asp-postfix";

    protected readonly IHtmlHelper _htmlHelper;

    public NopEditorTagHelper(IHtmlHelper htmlHelper)
    {
        _htmlHelper = htmlHelper;
    }

    public override Task ProcessAsync(TagHelperContext context, TagHelperOutput output)
    {
        var name = For.Name;
        var isBool = For.ModelExplorer.ModelType == typeof(bool);
        var input = new TagBuilder("input") { TagRenderMode = TagRenderMode.SelfClosing };
        input.Attributes["name"] = name;
        input.Attributes["id"] = TagBuilder.CreateSanitizedId(name, "_");
        if (isBool)
        {
            input.Attributes["type"] = "checkbox";
            input.Attributes["value"] = "true";
            if (For.Model is true)
                input.Attributes["checked"] = "checked";
        }
        else
        {
            input.Attributes["type"] = "text";
            input.Attributes["class"] = "form-control";
            input.Attributes["value"] = Convert.ToString(For.Model, CultureInfo.InvariantCulture) ?? string.Empty;
        }

        output.TagName = null;
        output.Content.SetHtmlContent(input);
        if (isBool)
            output.Content.AppendHtml($"<input type=\"hidden\" name=\"{System.Net.WebUtility.HtmlEncode(name)}\" value=\"false\" />");
        return Task.CompletedTask;
    }

    [HtmlAttributeName(FOR_ATTRIBUTE_NAME)]
    public Microsoft.AspNetCore.Mvc.ViewFeatures.ModelExpression For { get; set; }

    [HtmlAttributeName(CUSTOM_HTML_ATTRIBUTES)]
    public object CustomHtmlAttributes { set; get; }

    [HtmlAttributeName(REQUIRED_ATTRIBUTE_NAME)]
    public string IsRequired { set; get; }

    [HtmlAttributeName(RENDER_FORM_CONTROL_CLASS_ATTRIBUTE_NAME)]
    public string RenderFormControlClass { set; get; }

    [HtmlAttributeName(TEMPLATE_ATTRIBUTE_NAME)]
    public string Template { set; get; }

    [HtmlAttributeName(POSTFIX_ATTRIBUTE_NAME)]
    public string Postfix { set; get; }

    [HtmlAttributeNotBound]
    [ViewContext]
    public ViewContext ViewContext { get; set; }
}
