namespace Nop.Web.Framework.WebOptimizer;

// The host's bundling (WebOptimizer); bundling is off in the stand-in.
public partial interface INopAssetHelper
{
}
