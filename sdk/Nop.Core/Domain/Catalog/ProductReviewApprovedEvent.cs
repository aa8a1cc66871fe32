namespace Nop.Core.Domain.Catalog;

public partial class ProductReviewApprovedEvent
{
    public ProductReviewApprovedEvent(ProductReview productReview)
    {
        ProductReview = productReview;
    }

    public ProductReview ProductReview { get; }
}
