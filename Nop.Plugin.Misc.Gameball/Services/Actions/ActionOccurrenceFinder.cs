using System.Globalization;
using Nop.Core.Domain.Blogs;
using Nop.Core.Domain.Catalog;
using Nop.Core.Domain.Customers;
using Nop.Core.Domain.Messages;
using Nop.Core.Domain.News;
using Nop.Data;
using Nop.Services.Customers;

namespace Nop.Plugin.Misc.Gameball.Services.Actions;

/// <summary>
/// The actions of one customer that stand in nopCommerce's database now: the registration of an active
/// account, a confirmed newsletter subscription of the customer's e-mail, approved reviews and comments,
/// and a birthday in the last week. A guest has none (no one would hold the points); a deleted account
/// has none, so its cashback is reversed.
/// </summary>
public class ActionOccurrenceFinder
{
    /// <summary>How long after the day a birthday is still rewarded (a store that was down that day).</summary>
    public static TimeSpan BirthdayGrace { get; } = TimeSpan.FromDays(7);

    private readonly IRepository<ProductReview> _reviewRepository;
    private readonly IRepository<BlogComment> _blogCommentRepository;
    private readonly IRepository<NewsComment> _newsCommentRepository;
    private readonly IRepository<NewsLetterSubscription> _subscriptionRepository;
    private readonly ICustomerService _customerService;

    public ActionOccurrenceFinder(IRepository<ProductReview> reviewRepository,
        IRepository<BlogComment> blogCommentRepository,
        IRepository<NewsComment> newsCommentRepository,
        IRepository<NewsLetterSubscription> subscriptionRepository,
        ICustomerService customerService)
    {
        _reviewRepository = reviewRepository;
        _blogCommentRepository = blogCommentRepository;
        _newsCommentRepository = newsCommentRepository;
        _subscriptionRepository = subscriptionRepository;
        _customerService = customerService;
    }

    public async Task<IReadOnlyList<ActionOccurrence>> FindAsync(Customer customer, DateTime nowUtc)
    {
        if (customer.Deleted || !customer.Active || !await _customerService.IsRegisteredAsync(customer))
            return [];

        var none = new Dictionary<string, string>();
        var found = new List<ActionOccurrence>
        {
            new(GameballAction.Registration, ActionKeys.Registration(customer), customer.RegisteredInStoreId, customer.CreatedOnUtc, none)
        };

        if (!string.IsNullOrWhiteSpace(customer.Email))
        {
            var email = customer.Email;
            var subscription = (await _subscriptionRepository.Table.Where(s => s.Email == email && s.Active).OrderBy(s => s.CreatedOnUtc).Take(1).ToListAsync()).FirstOrDefault();
            if (subscription is not null)
                found.Add(new(GameballAction.Newsletter, ActionKeys.Newsletter(customer), subscription.StoreId, subscription.CreatedOnUtc, none));
        }

        var customerId = customer.Id;
        var reviews = await _reviewRepository.Table.Where(r => r.CustomerId == customerId && r.IsApproved).ToListAsync();
        found.AddRange(reviews.Select(r => new ActionOccurrence(GameballAction.Review, ActionKeys.Review(r.Id), r.StoreId, r.CreatedOnUtc,
            new Dictionary<string, string> { ["product_id"] = Text(r.ProductId) }, r.ProductId)));
        var blogComments = await _blogCommentRepository.Table.Where(c => c.CustomerId == customerId && c.IsApproved).ToListAsync();
        found.AddRange(blogComments.Select(c => new ActionOccurrence(GameballAction.BlogComment, ActionKeys.BlogComment(c.Id), c.StoreId, c.CreatedOnUtc,
            new Dictionary<string, string> { ["blog_post_id"] = Text(c.BlogPostId) })));
        var newsComments = await _newsCommentRepository.Table.Where(c => c.CustomerId == customerId && c.IsApproved).ToListAsync();
        found.AddRange(newsComments.Select(c => new ActionOccurrence(GameballAction.NewsComment, ActionKeys.NewsComment(c.Id), c.StoreId, c.CreatedOnUtc,
            new Dictionary<string, string> { ["news_item_id"] = Text(c.NewsItemId) })));

        if (LatestBirthday(customer.DateOfBirth, nowUtc) is { } birthday && nowUtc - birthday <= BirthdayGrace)
            found.Add(new(GameballAction.Birthday, ActionKeys.Birthday(customer, birthday.Year), customer.RegisteredInStoreId, birthday, none));

        return found;
    }

    /// <summary>The customer's birthday this year if it has come, else last year's (29 February is the 28th in other years), at 00:00 UTC.</summary>
    public static DateTime? LatestBirthday(DateTime? dateOfBirth, DateTime nowUtc)
    {
        if (dateOfBirth is not { } born)
            return null;
        DateTime On(int year) => new(year, born.Month, Math.Min(born.Day, DateTime.DaysInMonth(year, born.Month)), 0, 0, 0, DateTimeKind.Utc);
        var thisYear = On(nowUtc.Year);
        return thisYear <= nowUtc ? thisYear : On(nowUtc.Year - 1);
    }

    private static string Text(int id) => id.ToString(CultureInfo.InvariantCulture);
}
