namespace Nop.Core.Domain.News;

public partial class NewsCommentApprovedEvent
{
    public NewsCommentApprovedEvent(NewsComment newsComment)
    {
        NewsComment = newsComment;
    }

    public NewsComment NewsComment { get; }
}
