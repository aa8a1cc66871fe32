using Nop.Core.Domain.Blogs;
using Nop.Core.Domain.Catalog;
using Nop.Core.Domain.Common;
using Nop.Core.Domain.Customers;
using Nop.Core.Domain.Messages;
using Nop.Core.Domain.News;
using Nop.Data;
using Nop.Services.Configuration;
using Nop.Services.Stores;

namespace Nop.Plugin.Misc.Gameball.Services.Actions;

/// <summary>
/// For the sweep: customers with an action whose event may have been missed (a restart, a deploy):
/// registrations, newsletter subscriptions, approved reviews and comments in the database since the
/// action was switched on, and birthdays of the last week, less customers whose actions were reconciled
/// after the occurrence. Bounded: each store and action looks back at most <see cref="Lookback"/>, at
/// most <see cref="MaxPerQuery"/> rows, newest first.
/// </summary>
public class ActionSweepFinder
{
    public static TimeSpan Lookback { get; } = TimeSpan.FromDays(30);

    public const int MaxPerQuery = 500;

    private readonly IRepository<Customer> _customerRepository;
    private readonly IRepository<ProductReview> _reviewRepository;
    private readonly IRepository<BlogComment> _blogCommentRepository;
    private readonly IRepository<NewsComment> _newsCommentRepository;
    private readonly IRepository<NewsLetterSubscription> _subscriptionRepository;
    private readonly IRepository<GenericAttribute> _genericAttributeRepository;
    private readonly ISettingService _settingService;
    private readonly IStoreService _storeService;
    private readonly TimeProvider _timeProvider;

    public ActionSweepFinder(IRepository<Customer> customerRepository,
        IRepository<ProductReview> reviewRepository,
        IRepository<BlogComment> blogCommentRepository,
        IRepository<NewsComment> newsCommentRepository,
        IRepository<NewsLetterSubscription> subscriptionRepository,
        IRepository<GenericAttribute> genericAttributeRepository,
        ISettingService settingService,
        IStoreService storeService,
        TimeProvider timeProvider)
    {
        _customerRepository = customerRepository;
        _reviewRepository = reviewRepository;
        _blogCommentRepository = blogCommentRepository;
        _newsCommentRepository = newsCommentRepository;
        _subscriptionRepository = subscriptionRepository;
        _genericAttributeRepository = genericAttributeRepository;
        _settingService = settingService;
        _storeService = storeService;
        _timeProvider = timeProvider;
    }

    public async Task<IReadOnlyCollection<int>> FindAsync(CancellationToken cancellationToken)
    {
        var now = _timeProvider.GetUtcNow().UtcDateTime;
        var candidates = new List<(int CustomerId, DateTime OccurredUtc)>();
        foreach (var store in await _storeService.GetAllStoresAsync())
        {
            cancellationToken.ThrowIfCancellationRequested();
            var settings = await _settingService.LoadSettingAsync<GameballSettings>(store.Id);
            var storeId = store.Id;
            foreach (var rule in ActionRules.All(settings).Where(r => r.IsOn))
            {
                var since = rule.FromUtc!.Value > now - Lookback ? rule.FromUtc.Value : now - Lookback;
                candidates.AddRange(rule.Action switch
                {
                    GameballAction.Registration => (await _customerRepository.Table
                        .Where(c => c.RegisteredInStoreId == storeId && c.Active && !c.Deleted && c.CreatedOnUtc >= since)
                        .OrderByDescending(c => c.CreatedOnUtc).Take(MaxPerQuery).Select(c => new { c.Id, c.CreatedOnUtc }).ToListAsync())
                        .Select(c => (c.Id, c.CreatedOnUtc)),
                    GameballAction.Newsletter => await SubscribersAsync(storeId, since),
                    GameballAction.Review => (await _reviewRepository.Table
                        .Where(r => r.StoreId == storeId && r.IsApproved && r.CreatedOnUtc >= since)
                        .OrderByDescending(r => r.CreatedOnUtc).Take(MaxPerQuery).Select(r => new { r.CustomerId, r.CreatedOnUtc }).ToListAsync())
                        .Select(r => (r.CustomerId, r.CreatedOnUtc)),
                    GameballAction.BlogComment => (await _blogCommentRepository.Table
                        .Where(c => c.StoreId == storeId && c.IsApproved && c.CreatedOnUtc >= since)
                        .OrderByDescending(c => c.CreatedOnUtc).Take(MaxPerQuery).Select(c => new { c.CustomerId, c.CreatedOnUtc }).ToListAsync())
                        .Select(c => (c.CustomerId, c.CreatedOnUtc)),
                    GameballAction.NewsComment => (await _newsCommentRepository.Table
                        .Where(c => c.StoreId == storeId && c.IsApproved && c.CreatedOnUtc >= since)
                        .OrderByDescending(c => c.CreatedOnUtc).Take(MaxPerQuery).Select(c => new { c.CustomerId, c.CreatedOnUtc }).ToListAsync())
                        .Select(c => (c.CustomerId, c.CreatedOnUtc)),
                    GameballAction.Birthday => await BirthdaysAsync(storeId, now),
                    _ => []
                });
            }
        }

        return await NotReconciledSinceAsync(candidates);
    }

    private async Task<IEnumerable<(int, DateTime)>> SubscribersAsync(int storeId, DateTime since)
    {
        var subscriptions = await _subscriptionRepository.Table
            .Where(s => s.StoreId == storeId && s.Active && s.CreatedOnUtc >= since)
            .OrderByDescending(s => s.CreatedOnUtc).Take(MaxPerQuery).Select(s => new { s.Email, s.CreatedOnUtc }).ToListAsync();
        var emails = subscriptions.Select(s => s.Email).Distinct().ToList();
        var customers = await _customerRepository.Table.Where(c => emails.Contains(c.Email) && !c.Deleted).Select(c => new { c.Id, c.Email }).ToListAsync();
        return subscriptions.Join(customers, s => s.Email, c => c.Email, (s, c) => (c.Id, s.CreatedOnUtc));
    }

    /// <summary>Birthdays of the last week, by month and day (the database keeps the date of birth, not the next birthday).</summary>
    private async Task<IEnumerable<(int, DateTime)>> BirthdaysAsync(int storeId, DateTime now)
    {
        var found = new List<(int, DateTime)>();
        for (var day = now.Date; day > now.Date - ActionOccurrenceFinder.BirthdayGrace; day = day.AddDays(-1))
        {
            var (month, dayOfMonth) = (day.Month, day.Day);
            var born = await _customerRepository.Table
                .Where(c => c.RegisteredInStoreId == storeId && c.Active && !c.Deleted && c.DateOfBirth.HasValue
                    && c.DateOfBirth.Value.Month == month && c.DateOfBirth.Value.Day == dayOfMonth)
                .Take(MaxPerQuery).Select(c => c.Id).ToListAsync();
            found.AddRange(born.Select(id => (id, day)));
        }

        return found;
    }

    /// <summary>Drops customers whose actions were reconciled after the occurrence (one read of their "checked" times).</summary>
    private async Task<IReadOnlyCollection<int>> NotReconciledSinceAsync(List<(int CustomerId, DateTime OccurredUtc)> candidates)
    {
        var ids = candidates.Select(c => c.CustomerId).Where(id => id > 0).Distinct().ToList();
        if (ids.Count == 0)
            return [];
        var checkedTimes = (await _genericAttributeRepository.Table
                .Where(a => a.KeyGroup == nameof(Customer) && a.Key == ActionRewardStore.CheckedKey && ids.Contains(a.EntityId))
                .Select(a => new { a.EntityId, a.Value }).ToListAsync())
            .ToDictionary(a => a.EntityId, a => ActionRewardStore.ParseTime(a.Value));
        return candidates
            .Where(c => c.CustomerId > 0 && !(checkedTimes.GetValueOrDefault(c.CustomerId) is { } reconciled && reconciled > c.OccurredUtc))
            .Select(c => c.CustomerId).Distinct().ToList();
    }
}
