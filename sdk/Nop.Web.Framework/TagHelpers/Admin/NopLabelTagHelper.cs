using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Razor.TagHelpers;
using Nop.Core;
using Nop.Services.Localization;

namespace Nop.Web.Framework.TagHelpers.Admin;

// The host's label adds hints and styling; the stand-in renders a plain localized label.
[HtmlTargetElement("nop-label", Attributes = FOR_ATTRIBUTE_NAME, TagStructure = TagStructure.WithoutEndTag)]
public partial class NopLabelTagHelper : TagHelper
{
    protected const string FOR_ATTRIBUTE_NAME = "asp-for";
    protected const string DISPLAY_HINT_ATTRIBUTE_NAME = "asp-display-hint";

    protected readonly ILocalizationService _localizationService;
    protected readonly IWorkContext _workContext;

    public NopLabelTagHelper(IHtmlGenerator generator, ILocalizationService localizationService, IWorkContext workContext)
    {
        Generator = generator;
        _localizationService = localizationService;
        _workContext = workContext;
    }

    public override async Task ProcessAsync(TagHelperContext context, TagHelperOutput output)
    {
        var key = For.Metadata.DisplayName ?? For.Name;
        var text = await _localizationService.GetResourceAsync(key);
        var label = Generator.GenerateLabel(ViewContext, For.ModelExplorer, For.Name, string.IsNullOrEmpty(text) ? key : text, new { @class = "col-form-label" });
        output.TagName = null;
        output.Content.SetHtmlContent(label);
    }

    protected IHtmlGenerator Generator { get; set; }

    [HtmlAttributeName(FOR_ATTRIBUTE_NAME)]
    public Microsoft.AspNetCore.Mvc.ViewFeatures.ModelExpression For { get; set; }

    [HtmlAttributeName(DISPLAY_HINT_ATTRIBUTE_NAME)]
    public bool DisplayHint { get; set; } = true;

    [HtmlAttributeNotBound]
    [ViewContext]
    public ViewContext ViewContext { get; set; }
}
