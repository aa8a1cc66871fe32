using System.Globalization;
using Nop.Core.Domain.Customers;

namespace Nop.Plugin.Misc.Gameball.Services.Actions;

/// <summary>
/// The transaction id of each occurrence, from the occurrence itself, so the same occurrence seen twice
/// (a duplicate event, the sweep after the event) is the same work and Gameball de-duplicates a resend
/// (9004). Registration and newsletter are once per customer ever, birthday once a year.
/// </summary>
public static class ActionKeys
{
    public static string Registration(Customer customer) => "registration-" + Guid(customer);

    public static string Newsletter(Customer customer) => "newsletter-" + Guid(customer);

    public static string Review(int productReviewId) => "review-" + Id(productReviewId);

    public static string BlogComment(int blogCommentId) => "blogcomment-" + Id(blogCommentId);

    public static string NewsComment(int newsCommentId) => "newscomment-" + Id(newsCommentId);

    public static string Birthday(Customer customer, int year) => $"birthday-{Guid(customer)}-{Id(year)}";

    /// <summary>The refundTransactionId that reverses an occurrence's cashback (one reversal per occurrence).</summary>
    public static string Reversal(string occurrenceKey) => occurrenceKey + "-reversal";

    private static string Guid(Customer customer) => customer.CustomerGuid.ToString("D", CultureInfo.InvariantCulture);

    private static string Id(int id) => id.ToString(CultureInfo.InvariantCulture);
}
