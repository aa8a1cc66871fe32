namespace Nop.Services.Security;

public partial class StandardPermission
{
    public partial class Customers
    {
        public const string CUSTOMERS_VIEW = $"{nameof(Customers)}.CustomersView";
        public const string CUSTOMERS_CREATE_EDIT_DELETE = $"{nameof(Customers)}.CustomersCreateEditDelete";
    }

    public partial class Orders
    {
        public const string ORDERS_VIEW = $"{nameof(Orders)}.OrdersView";
        public const string ORDERS_CREATE_EDIT_DELETE = $"{nameof(Orders)}.OrdersCreateEditDelete";
    }

    public partial class Configuration
    {
        public const string MANAGE_PLUGINS = $"{nameof(Configuration)}.ManagePlugins";
    }
}
