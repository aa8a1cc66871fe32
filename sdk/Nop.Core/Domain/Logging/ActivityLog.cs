namespace Nop.Core.Domain.Logging;

public partial class ActivityLog : BaseEntity
{
    public int ActivityLogTypeId { get; set; }
    public int? EntityId { get; set; }
    public string EntityName { get; set; }
    public int CustomerId { get; set; }
    public string Comment { get; set; }
    public DateTime CreatedOnUtc { get; set; }
}
