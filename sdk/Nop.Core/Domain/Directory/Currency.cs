namespace Nop.Core.Domain.Directory;

public partial class Currency : BaseEntity
{
    public string Name { get; set; }
    public string CurrencyCode { get; set; }
    public decimal Rate { get; set; }
    public string DisplayLocale { get; set; }
    public string CustomFormatting { get; set; }
    public bool Published { get; set; }
}
