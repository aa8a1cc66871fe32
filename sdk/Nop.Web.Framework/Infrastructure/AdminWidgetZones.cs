namespace Nop.Web.Framework.Infrastructure;

public static partial class AdminWidgetZones
{
    public static string CustomerDetailsBlock => "admin_customer_details_block";
    public static string OrderDetailsBlock => "admin_order_details_block";
}
