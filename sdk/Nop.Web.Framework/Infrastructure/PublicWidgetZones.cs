namespace Nop.Web.Framework.Infrastructure;

public static partial class PublicWidgetZones
{
    public static string BodyEndHtmlTagBefore => "body_end_html_tag_before";
    public static string ProductDetailsOverviewBottom => "productdetails_overview_bottom";
    public static string OrderSummaryContentAfter => "order_summary_content_after";
    public static string OrderSummaryTotals => "order_summary_totals";
    public static string OrderSummaryCartFooter => "order_summary_cart_footer";
}
