namespace Nop.Web.Framework.Menu;

public partial class AdminMenuItem
{
    protected IList<string> _permissionNames;
    protected string _url;

    public AdminMenuItem()
    {
        ChildNodes = new List<AdminMenuItem>();
    }

    // stand-in: places the item beside the first node with that system name, searching depth-first
    protected virtual bool Insert(string itemSystemName, AdminMenuItem newMenuItem, bool before)
    {
        var index = ChildNodes.ToList().FindIndex(node => node.SystemName == itemSystemName);
        if (index >= 0)
        {
            ChildNodes.Insert(before ? index : index + 1, newMenuItem);
            return true;
        }

        return ChildNodes.Any(node => node.Insert(itemSystemName, newMenuItem, before));
    }

    public bool ContainsSystemName(string systemName) => GetItemBySystemName(systemName) is not null;

    public AdminMenuItem GetItemBySystemName(string systemName) =>
        string.IsNullOrEmpty(systemName) ? null
        : SystemName == systemName ? this
        : ChildNodes.Select(node => node.GetItemBySystemName(systemName)).FirstOrDefault(found => found is not null);

    public virtual bool InsertBefore(string itemSystemName, AdminMenuItem newMenuItem) => Insert(itemSystemName, newMenuItem, true);

    public virtual bool InsertAfter(string itemSystemName, AdminMenuItem newMenuItem) => Insert(itemSystemName, newMenuItem, false);

    public IList<string> PermissionNames
    {
        get => _permissionNames ?? ChildNodes.SelectMany(node => node.PermissionNames).ToList();
        set => _permissionNames = value;
    }

    public string SystemName { get; set; }

    public string Title { get; set; }

    public string Url
    {
        get => _url;
        set => _url = value;
    }

    public IList<AdminMenuItem> ChildNodes { get; set; }

    public string IconClass { get; set; }

    public bool Visible { get; set; } = true;
}
