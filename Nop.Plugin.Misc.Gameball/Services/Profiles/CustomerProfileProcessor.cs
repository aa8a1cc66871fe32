using Nop.Core.Domain.Customers;
using Nop.Plugin.Misc.Gameball.Services.Api;
using Nop.Plugin.Misc.Gameball.Services.Api.Models;
using Nop.Plugin.Misc.Gameball.Services.Orders;
using Nop.Plugin.Misc.Gameball.Services.Outbox;
using Nop.Services.Configuration;
using Nop.Services.Customers;
using Nop.Services.Directory;
using Nop.Services.Localization;
using Nop.Services.Stores;

namespace Nop.Plugin.Misc.Gameball.Services.Profiles;

/// <summary>
/// One pass over a customer's profile work, inside the customer's outbox pass (under its lock). It
/// compares the profile nopCommerce holds now with the last one decided (by fingerprint) and records a
/// new upsert only when it changed, with the referral code the shopper registered with on the first one;
/// or, once the customer was erased in the store, records one erasure per Gameball workspace the
/// store's settings point at and stops every other kind of work. Then it hands due items to
/// <see cref="OutboxRunner"/>.
/// </summary>
public class CustomerProfileProcessor
{
    /// <summary>Gameball counts a referral only when its code arrives within 5 minutes of the registration (fact sheet §2.9).</summary>
    public static readonly TimeSpan ReferralWindow = TimeSpan.FromMinutes(5);

    private readonly ICountryService _countryService;
    private readonly ICustomerService _customerService;
    private readonly ILanguageService _languageService;
    private readonly ISettingService _settingService;
    private readonly IStoreService _storeService;
    private readonly IGameballApiClient _apiClient;
    private readonly ProfileStore _store;
    private readonly ProfileHandler _handler;
    private readonly OutboxRunner _runner;
    private readonly TimeProvider _timeProvider;

    public CustomerProfileProcessor(ICountryService countryService,
        ICustomerService customerService,
        ILanguageService languageService,
        ISettingService settingService,
        IStoreService storeService,
        IGameballApiClient apiClient,
        ProfileStore store,
        ProfileHandler handler,
        OutboxRunner runner,
        TimeProvider timeProvider)
    {
        _countryService = countryService;
        _customerService = customerService;
        _languageService = languageService;
        _settingService = settingService;
        _storeService = storeService;
        _apiClient = apiClient;
        _store = store;
        _handler = handler;
        _runner = runner;
        _timeProvider = timeProvider;
    }

    private DateTime Now => _timeProvider.GetUtcNow().UtcDateTime;

    /// <summary>True once the customer was erased in the store: nothing else of theirs may reach Gameball again.</summary>
    public async Task<bool> IsErasedAsync(Customer customer) => await _store.LoadErasureRequestAsync(customer) is not null;

    /// <param name="erased">Whether the customer was erased, when the caller has read it already.</param>
    public async Task<OutboxOutcome> ProcessAsync(Customer customer, bool retryNow, OutboxPass pass, CancellationToken cancellationToken, bool? erased = null)
    {
        var work = await _store.LoadAsync(customer);
        if (retryNow)
            work.ForEach(w => w.RetryNow());
        var before = work.Count;
        if (erased ?? await IsErasedAsync(customer))
            await PlanErasureAsync(customer, work);
        else
            await PlanUpsertAsync(customer, work, pass, cancellationToken);
        if (work.Count == 0)
            return OutboxOutcome.Nothing;

        Task SaveAsync() => _store.SaveAsync(customer, work);
        if (work.Count != before || retryNow)
            await SaveAsync();
        var settingsByStore = new Dictionary<int, GameballSettings> { [customer.RegisteredInStoreId] = pass.Settings };
        foreach (var item in work.Where(w => w.Status == SyncStatus.Pending).OrderBy(w => w.RecordedUtc).ToList())
        {
            if (!settingsByStore.TryGetValue(item.StoreId, out var settings))
                settingsByStore[item.StoreId] = settings = await _settingService.LoadSettingAsync<GameballSettings>(item.StoreId);
            var storePass = item.StoreId == customer.RegisteredInStoreId ? pass : new OutboxPass(settings, pass.Timing, pass.StartedUtc);
            await _runner.RunAsync(item, _handler, storePass, SaveAsync, $"the {item.Kind.ToLowerInvariant()} of customer {customer.Id}", cancellationToken);
        }

        await SaveAsync();
        var status = ProfileStore.OverallStatus(work);
        var due = work.Select(w => w.DueUtc).Where(d => d.HasValue).Min();
        return new OutboxOutcome(status, status == SyncStatus.Pending ? due : null);
    }

    public async Task<bool> ResetFailedAsync(Customer customer)
    {
        var work = await _store.LoadAsync(customer);
        if (!work.Any(w => w.Status == SyncStatus.Failed))
            return false;
        work.ForEach(w => w.ResetForRetry());
        await _store.SaveAsync(customer, work);
        return true;
    }

    private async Task PlanUpsertAsync(Customer customer, List<ProfileWork> work, OutboxPass pass, CancellationToken cancellationToken)
    {
        if (!pass.Settings.SyncCustomerProfiles || customer.Deleted || customer.IsSystemAccount || !await _customerService.IsRegisteredAsync(customer))
            return;
        var source = await LoadSourceAsync(customer);
        var profile = CustomerProfileMapper.Map(source);
        var fingerprint = CustomerProfileMapper.Fingerprint(profile);
        var upserts = work.Where(w => w.Step == ProfileStep.Upsert).ToList();
        var latest = upserts.Where(w => w.Status != SyncStatus.Skipped).MaxBy(w => w.RecordedUtc);
        if (latest?.Fingerprint == fingerprint)
            return;

        // the new upsert carries the whole profile, so an older one not yet sent is not needed; a referral
        // code it carried moves to the new one, which becomes the creation call
        string? referrerCode = null;
        string? referralNote = null;
        foreach (var older in upserts.Where(w => w.Status == SyncStatus.Pending))
        {
            referrerCode ??= older.ReferrerCode;
            older.MarkSkipped("A newer profile of the customer replaced it before it was sent.");
        }

        if (upserts.Count == 0)
            (referrerCode, referralNote) = await DecideReferralAsync(customer, pass, cancellationToken);
        work.Add(new ProfileWork
        {
            Key = $"{profile.CustomerId}:{fingerprint}",
            Step = ProfileStep.Upsert,
            StoreId = customer.RegisteredInStoreId,
            RecordedUtc = Now,
            Fingerprint = fingerprint,
            ReferrerCode = referrerCode,
            ReferralNote = referralNote,
            Payload = GameballJson.Serialize(referrerCode is null ? profile : profile with { ReferrerCode = referrerCode }),
        });
    }

    /// <summary>
    /// The referral code the customer registered with, for their creation call: only inside Gameball's
    /// window, only a code Gameball knows and that is not the customer's own. A validation Gameball
    /// cannot answer does not drop the code (Gameball ignores a bad code on creation).
    /// </summary>
    private async Task<(string? Code, string? Note)> DecideReferralAsync(Customer customer, OutboxPass pass, CancellationToken cancellationToken)
    {
        var referral = await _store.LoadReferralAsync(customer);
        if (referral is null)
            return (null, null);
        await _store.ForgetReferralAsync(customer);
        if (!pass.Settings.EnableReferrals)
            return (null, $"Referral code {referral.Code} not sent: referrals are off.");
        if (Now - referral.RegisteredUtc > ReferralWindow)
            return (null, $"Referral code {referral.Code} not sent: more than 5 minutes passed since the registration, and Gameball would not count it.");
        if (!pass.Credentials.IsComplete)
            return (referral.Code, null);
        try
        {
            var validation = await _apiClient.ValidateReferrerCodeAsync(pass.Credentials, referral.Code, GameballIdentifiers.CustomerId(customer), pass.Policy, cancellationToken);
            return validation.IsValid ? (referral.Code, null) : (null, $"Referral code {referral.Code} not sent: Gameball does not know it, or it is the customer's own.");
        }
        catch (GameballApiException e) when (!e.Kind.IsConfigurationProblem())
        {
            return (referral.Code, $"Referral code {referral.Code} sent unchecked: {e.Message}");
        }
    }

    private async Task<CustomerProfileSource> LoadSourceAsync(Customer customer)
    {
        var billing = customer.BillingAddressId is > 0 ? await _customerService.GetCustomerBillingAddressAsync(customer) : null;
        var countryId = customer.CountryId > 0 ? customer.CountryId : billing?.CountryId ?? 0;
        var country = countryId > 0 ? await _countryService.GetCountryByIdAsync(countryId) : null;
        var language = customer.LanguageId is > 0 ? await _languageService.GetLanguageByIdAsync(customer.LanguageId.Value) : null;
        return new CustomerProfileSource(customer, billing, country?.TwoLetterIsoCode, language?.UniqueSeoCode);
    }

    /// <summary>
    /// One erasure per Gameball workspace among the stores' settings (a customer shared by stores with
    /// their own workspaces is known to each); none configured yet: one that waits for the keys of the
    /// customer's store. Profile work not yet sent is dropped.
    /// </summary>
    private async Task PlanErasureAsync(Customer customer, List<ProfileWork> work)
    {
        foreach (var upsert in work.Where(w => w.Step == ProfileStep.Upsert && w.Status == SyncStatus.Pending))
            upsert.MarkSkipped("The customer was erased in the store before their profile was sent.");
        if (work.Any(w => w.Step == ProfileStep.Erasure))
            return;

        var customerId = GameballIdentifiers.CustomerId(customer);
        var workspaces = new Dictionary<(string, string), int>();
        foreach (var store in await _storeService.GetAllStoresAsync())
        {
            var settings = await _settingService.LoadSettingAsync<GameballSettings>(store.Id);
            var credentials = GameballCredentials.FromSettings(settings);
            if (credentials.IsComplete)
                workspaces.TryAdd((credentials.ApiBaseUrl.TrimEnd('/').ToLowerInvariant(), credentials.ApiKey), store.Id);
        }

        var storeIds = workspaces.Count == 0 ? [customer.RegisteredInStoreId] : workspaces.Values.Order().ToList();
        foreach (var storeId in storeIds)
        {
            work.Add(new ProfileWork
            {
                Key = $"{customerId}:erase:{storeId}",
                Step = ProfileStep.Erasure,
                StoreId = storeId,
                RecordedUtc = Now,
                Payload = GameballJson.Serialize(new CustomerReference { CustomerId = customerId }),
            });
        }
    }
}
