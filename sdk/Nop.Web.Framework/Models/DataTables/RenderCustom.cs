namespace Nop.Web.Framework.Models.DataTables;

public partial class RenderCustom : IRender
{
    public RenderCustom(string functionName)
    {
        FunctionName = functionName;
    }

    /// <summary>The name of a JavaScript function (data, type, row, meta) that returns the cell's HTML.</summary>
    public string FunctionName { get; set; }
}
