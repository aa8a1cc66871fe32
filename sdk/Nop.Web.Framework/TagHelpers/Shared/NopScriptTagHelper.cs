using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Razor.TagHelpers;
using Microsoft.AspNetCore.Mvc.Routing;
using Microsoft.AspNetCore.Razor.TagHelpers;
using Nop.Core;
using Nop.Core.Configuration;
using Nop.Web.Framework.UI;
using Nop.Web.Framework.WebOptimizer;

namespace Nop.Web.Framework.TagHelpers.Shared;

// Every <script> of a view that imports Nop.Web.Framework's tag helpers goes through the host's helper. What the
// stand-in keeps is what a plugin meets: src is bound to the helper (so it leaves the tag), and in an AJAX request
// (a one-page checkout step, a re-rendered block) the helper writes the tag back without it. Otherwise the tag
// keeps its src, as the host does with bundling off.
[HtmlTargetElement(SCRIPT_TAG_NAME)]
public partial class NopScriptTagHelper : UrlResolutionTagHelper
{
    protected const string SCRIPT_TAG_NAME = "script";
    protected const string SRC_ATTRIBUTE_NAME = "src";

    protected readonly AppSettings _appSettings;
    protected readonly INopAssetHelper _bundleHelper;
    protected readonly INopHtmlHelper _nopHtmlHelper;
    protected readonly IWebHelper _webHelper;
    protected readonly IWebHostEnvironment _webHostEnvironment;

    public NopScriptTagHelper(AppSettings appSettings,
        HtmlEncoder htmlEncoder,
        INopAssetHelper bundleHelper,
        INopHtmlHelper nopHtmlHelper,
        IUrlHelperFactory urlHelperFactory,
        IWebHelper webHelper,
        IWebHostEnvironment webHostEnvironment) : base(urlHelperFactory, htmlEncoder)
    {
        _appSettings = appSettings;
        _bundleHelper = bundleHelper;
        _nopHtmlHelper = nopHtmlHelper;
        _webHelper = webHelper;
        _webHostEnvironment = webHostEnvironment;
    }

    public override Task ProcessAsync(TagHelperContext context, TagHelperOutput output)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(output);

        if (_webHelper.IsAjaxRequest(ViewContext.HttpContext?.Request))
            return Task.CompletedTask;

        output.TagMode = TagMode.StartTagAndEndTag;
        if (!string.IsNullOrEmpty(Src))
            output.Attributes.SetAttribute(SRC_ATTRIBUTE_NAME, Src);
        return Task.CompletedTask;
    }

    [HtmlAttributeName(SRC_ATTRIBUTE_NAME)]
    public string Src { get; set; }
}
