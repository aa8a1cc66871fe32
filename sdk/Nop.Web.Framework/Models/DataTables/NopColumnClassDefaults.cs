namespace Nop.Web.Framework.Models.DataTables;

public static partial class NopColumnClassDefaults
{
    public static string CenterAll => "text-center";

    public static string Button => "button-column";
}
