namespace Nop.Core.Domain.News;

public partial class NewsComment : BaseEntity
{
    public int NewsItemId { get; set; }
    public int CustomerId { get; set; }
    public bool IsApproved { get; set; }
    public int StoreId { get; set; }
    public DateTime CreatedOnUtc { get; set; }
}
