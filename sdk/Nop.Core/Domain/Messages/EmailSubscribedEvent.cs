namespace Nop.Core.Domain.Messages;

public partial class EmailSubscribedEvent
{
    public EmailSubscribedEvent(NewsLetterSubscription subscription)
    {
        Subscription = subscription;
    }

    public NewsLetterSubscription Subscription { get; }
}
