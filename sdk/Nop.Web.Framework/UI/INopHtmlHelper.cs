namespace Nop.Web.Framework.UI;

// The host's page assets (title parts, script and CSS parts for the head and the footer); the stand-in needs none of it.
public partial interface INopHtmlHelper
{
}
