namespace Nop.Web.Framework.Models.DataTables;

public partial class RenderDate : IRender
{
    protected const string DEFAULT_DATE_FORMAT = "L LTS";

    public RenderDate()
    {
        Format = DEFAULT_DATE_FORMAT;
    }

    /// <summary>A moment.js format.</summary>
    public string Format { get; set; }
}
