using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Nop.Core.Domain.Common;
using Nop.Core.Domain.Customers;
using Nop.Core.Domain.Gdpr;
using Nop.Core.Events;
using Nop.Plugin.Misc.Gameball.FakeGameball;
using Nop.Plugin.Misc.Gameball.Services.Cashback;
using Nop.Plugin.Misc.Gameball.Services.Profiles;
using Nop.Plugin.Misc.Gameball.Tests.Support;

namespace Nop.Plugin.Misc.Gameball.Tests.Profiles;

/// <summary>
/// Shopper profiles, referrals and GDPR erasure end to end: nopCommerce's events into the plugin's
/// consumer, the customer's outbox pass, the state kept on the customer, a fake Gameball that validates
/// every request against the spec and keeps what it applied.
/// </summary>
[TestFixture]
public class CustomerProfileEndToEndTests : FakeGameballEndToEndTest
{
    private Customer _maria = null!;

    protected override void Configure(GameballSettings settings) => (settings.SyncCustomerProfiles, settings.EnableReferrals) = (true, true);

    protected override void Seed()
    {
        _maria = Store.AddCustomer("maria@example.test", phone: "+201001234567");
        (_maria.FirstName, _maria.LastName, _maria.Gender) = ("Maria", "Saleh", "F");
        _maria.DateOfBirth = new DateTime(1990, 4, 12);
        _maria.CreatedOnUtc = new DateTime(2025, 11, 3, 22, 15, 0, DateTimeKind.Utc);
        _maria.LanguageId = 2;
        _maria.RegisteredInStoreId = 1;
        var billing = new Address { Id = Store.NextId(), FirstName = "Maria", LastName = "Saleh", City = "Cairo", ZipPostalCode = "11511", CountryId = 1, PhoneNumber = "+20 2 5555" };
        Store.Addresses.Add(billing);
        _maria.BillingAddressId = billing.Id;
    }

    private string MariaId => _maria.CustomerGuid.ToString();

    private async Task PublishAsync(object @event, OrderSyncTestHost? host = null)
    {
        using var scope = (host ?? Host).Services.CreateScope();
        var consumer = ActivatorUtilities.CreateInstance<ProfileEventConsumer>(scope.ServiceProvider);
        await (@event switch
        {
            CustomerRegisteredEvent e => consumer.HandleEventAsync(e),
            CustomerLoggedinEvent e => consumer.HandleEventAsync(e),
            EntityUpdatedEvent<Customer> e => consumer.HandleEventAsync(e),
            EntityUpdatedEvent<Address> e => consumer.HandleEventAsync(e),
            CustomerPermanentlyDeleted e => consumer.HandleEventAsync(e),
            _ => throw new ArgumentException("Not an event of the profile consumer.", nameof(@event))
        });
    }

    private List<ProfileWork> WorkOf(Customer customer) => ProfileStore.Parse(Store.Attribute(customer, ProfileStore.WorkKey));

    /// <summary>The customer's profile work has settled in <paramref name="status"/> and no pass of theirs is running.</summary>
    private async Task SettledAsync(Customer customer, SyncStatus status = SyncStatus.Sent, int items = 1)
    {
        await Host.WaitUntilAsync(() => Task.FromResult(Store.Attribute(customer, ProfileStore.StatusKey) == status.ToString() && WorkOf(customer).Count >= items),
            because: $"the profile work of customer {customer.Id} to be {status}");
        await Host.WaitUntilAsync(() => Task.FromResult(Host.Queue.Count == 0), because: "the queue to drain");
        using var scope = Host.Services.CreateScope();
        await scope.ServiceProvider.GetRequiredService<OutboxProcessor>().UpdateAsync(CustomerOutboxSource.Address(customer.Id), () => Task.CompletedTask, CancellationToken.None);
    }

    private static DefaultHttpContext RequestWithCookie(string? referralCode)
    {
        var context = new DefaultHttpContext();
        if (referralCode is not null)
            context.Request.Headers.Cookie = $"{GameballDefaults.ReferralCookieName}={referralCode}";
        return context;
    }

    [Test]
    public async Task ARegistrationSendsTheProfileOnceMappedFromWhatTheStoreKnows()
    {
        await PublishAsync(new CustomerRegisteredEvent(_maria));
        await PublishAsync(new CustomerRegisteredEvent(_maria));
        await PublishAsync(new CustomerLoggedinEvent(_maria));
        await SettledAsync(_maria);

        var upsert = Fake.Ledger.ProfileUpserts.Should().ContainSingle("an unchanged profile is sent once").Subject;
        upsert.Created.Should().BeTrue();
        var body = upsert.Body;
        body["customerId"]!.GetValue<string>().Should().Be(MariaId, "the customer id is the CustomerGuid, as in orders");
        body["email"]!.GetValue<string>().Should().Be("maria@example.test");
        body.ContainsKey("referrerCode").Should().BeFalse();
        var attributes = body["customerAttributes"]!.AsObject();
        attributes["displayName"]!.GetValue<string>().Should().Be("Maria Saleh");
        attributes["firstName"]!.GetValue<string>().Should().Be("Maria");
        attributes["lastName"]!.GetValue<string>().Should().Be("Saleh");
        attributes["email"]!.GetValue<string>().Should().Be("maria@example.test");
        attributes["mobile"]!.GetValue<string>().Should().Be("+201001234567", "the customer's own phone wins over the address's");
        attributes["gender"]!.GetValue<string>().Should().Be("F");
        attributes["dateOfBirth"]!.GetValue<string>().Should().Be("1990-04-12");
        attributes["joinDate"]!.GetValue<string>().Should().Be("2025-11-03");
        attributes["country"]!.GetValue<string>().Should().Be("EG");
        attributes["city"]!.GetValue<string>().Should().Be("Cairo");
        attributes["zip"]!.GetValue<string>().Should().Be("11511");
        attributes["preferredLanguage"]!.GetValue<string>().Should().Be("ar");
        attributes["channel"]!.GetValue<string>().Should().Be("web");
        Fake.Requests.Should().OnlyContain(r => r.Violations.Count == 0);
        WorkOf(_maria).Should().ContainSingle().Which.Status.Should().Be(SyncStatus.Sent);
    }

    [Test]
    public async Task AChangeIsSentOnceAndAVisitThatChangesNothingSendsNothing()
    {
        await PublishAsync(new CustomerRegisteredEvent(_maria));
        await SettledAsync(_maria);

        _maria.LastName = "Saleh-Nour";
        await PublishAsync(new EntityUpdatedEvent<Customer>(_maria));
        await PublishAsync(new EntityUpdatedEvent<Customer>(_maria));
        await SettledAsync(_maria, items: 2);
        // nopCommerce's update of the last activity: none of the profile's fields changed
        await PublishAsync(new EntityUpdatedEvent<Customer>(_maria));
        await PublishAsync(new CustomerLoggedinEvent(_maria));
        await SettledAsync(_maria, items: 2);

        Fake.Ledger.ProfileUpserts.Select(u => u.Body["customerAttributes"]!["lastName"]!.GetValue<string>())
            .Should().Equal("Saleh", "Saleh-Nour");
        Fake.Ledger.ProfileUpserts.Last().Created.Should().BeFalse();
    }

    [Test]
    public async Task AnUpdateOfOtherFieldsDoesNotWakeTheCustomersPass()
    {
        await using var idle = await OrderSyncTestHost.StartAsync(Store, startDispatcher: false);
        await PublishAsync(new EntityUpdatedEvent<Customer>(_maria), idle);
        (await TakeQueuedAsync(idle)).Should().Equal([CustomerOutboxSource.Address(_maria.Id)], "the first update this process sees is checked once");

        // the last activity, the IP address, the cart flag: the row is saved again, the profile's fields are as they were
        await PublishAsync(new EntityUpdatedEvent<Customer>(_maria), idle);
        (await TakeQueuedAsync(idle)).Should().BeEmpty("nothing of the profile changed");

        _maria.Phone = "+201009999999";
        await PublishAsync(new EntityUpdatedEvent<Customer>(_maria), idle);
        (await TakeQueuedAsync(idle)).Should().Equal([CustomerOutboxSource.Address(_maria.Id)], "the phone is part of the profile");
        Fake.Requests.Should().BeEmpty("a storefront request never waits on Gameball");
    }

    private static async Task<List<OutboxAddress>> TakeQueuedAsync(OrderSyncTestHost host)
    {
        var taken = new List<OutboxAddress>();
        using var stop = new CancellationTokenSource(TimeSpan.FromMilliseconds(200));
        try
        {
            await foreach (var address in host.Queue.ReadAllAsync(stop.Token))
                taken.Add(address);
        }
        catch (OperationCanceledException)
        {
            // nothing more queued
        }

        return taken;
    }

    [Test]
    public async Task AChangedBillingAddressIsSent()
    {
        await PublishAsync(new CustomerRegisteredEvent(_maria));
        await SettledAsync(_maria);

        var billing = Store.Addresses.Single(a => a.Id == _maria.BillingAddressId);
        billing.City = "Alexandria";
        await PublishAsync(new EntityUpdatedEvent<Address>(billing));
        await SettledAsync(_maria, items: 2);

        Fake.Ledger.ProfileUpserts.Last().Body["customerAttributes"]!["city"]!.GetValue<string>().Should().Be("Alexandria");
    }

    [Test]
    public async Task GuestsHaveNoProfileAndTheSettingTurnsProfilesOff()
    {
        var guest = Store.AddCustomer(null, registered: false);
        guest.RegisteredInStoreId = 1;
        await PublishAsync(new CustomerLoggedinEvent(guest));
        Store.Settings[1].SyncCustomerProfiles = false;
        await PublishAsync(new CustomerRegisteredEvent(_maria));
        await Host.SweepAsync();
        await Host.WaitUntilAsync(() => Task.FromResult(Host.Queue.Count == 0), because: "the queue to drain");
        await Task.Delay(200);

        Fake.Requests.Should().BeEmpty();
        WorkOf(_maria).Should().BeEmpty();
    }

    [Test]
    public async Task HostileNamesTravelAsData()
    {
        const string hostile = "</script><script>alert(\"x\")</script>' \u2028 & <!--";
        _maria.FirstName = hostile;
        await PublishAsync(new CustomerRegisteredEvent(_maria));
        await SettledAsync(_maria);

        Fake.Ledger.ProfileUpserts.Single().Body["customerAttributes"]!["firstName"]!.GetValue<string>().Should().Be(hostile);
        Fake.Requests.Should().OnlyContain(r => r.Violations.Count == 0);
    }

    [Test]
    public async Task GameballDownDelaysTheProfileAndLosesNothing()
    {
        Fake.Faults.Next(new Fault(FaultKind.ServiceUnavailable, "customers"), times: 2);
        await PublishAsync(new CustomerRegisteredEvent(_maria));
        await Host.WaitUntilAsync(() => Task.FromResult(WorkOf(_maria).SingleOrDefault()?.Attempts >= 1), because: "a first failed attempt");
        for (var i = 0; i < 4 && Fake.Ledger.ProfileUpserts.Count == 0; i++)
        {
            Host.Clock.Advance(TimeSpan.FromMinutes(5));
            await Host.SweepAsync();
            await Host.WaitUntilAsync(() => Task.FromResult(Host.Queue.Count == 0), because: "the queue to drain");
            await Task.Delay(100);
        }

        await SettledAsync(_maria);
        Fake.Ledger.ProfileUpserts.Should().ContainSingle();
    }

    [Test]
    public async Task AReferralCodeFromTheCookieIsSentOnTheCreationCall()
    {
        var code = Fake.Ledger.AddReferrer("referrer-sara");
        var request = RequestWithCookie(code);
        Store.CurrentHttpContext = request;

        await PublishAsync(new CustomerRegisteredEvent(_maria));
        await SettledAsync(_maria);

        Fake.Ledger.Referrals.Should().ContainSingle().Which.Should().Match<AppliedReferral>(r => r.CustomerId == MariaId && r.ReferrerCustomerId == "referrer-sara");
        var creation = Fake.Ledger.ProfileUpserts.Single();
        creation.Created.Should().BeTrue();
        creation.Body["referrerCode"]!.GetValue<string>().Should().Be(code);
        request.Response.Headers.SetCookie.ToString().Should().Contain(GameballDefaults.ReferralCookieName + "=;", "the code is used once: the cookie is removed");
        Store.Attribute(_maria, ProfileStore.ReferralKey).Should().BeNull("a decided code is not kept");
        Fake.Requests.Where(r => r.Path.Contains("referrals/validate", StringComparison.Ordinal)).Should().ContainSingle();
        Fake.Requests.Should().OnlyContain(r => r.Violations.Count == 0);
    }

    [Test]
    public async Task UnknownOrOwnCodesAreDroppedAndTheCustomerIsStillCreated()
    {
        Store.CurrentHttpContext = RequestWithCookie("NOSUCHCODE");
        await PublishAsync(new CustomerRegisteredEvent(_maria));
        await SettledAsync(_maria);

        var upsert = Fake.Ledger.ProfileUpserts.Should().ContainSingle().Subject;
        upsert.Created.Should().BeTrue();
        upsert.Body.ContainsKey("referrerCode").Should().BeFalse();
        Fake.Ledger.Referrals.Should().BeEmpty();
        WorkOf(_maria).Single().ReferralNote.Should().Contain("NOSUCHCODE");

        var own = Store.AddCustomer("own@example.test");
        own.RegisteredInStoreId = 1;
        Fake.Ledger.AddReferrer(own.CustomerGuid.ToString());
        Store.CurrentHttpContext = RequestWithCookie(FakeGameballLedger.ReferralCodeOf(own.CustomerGuid.ToString()));
        await PublishAsync(new CustomerRegisteredEvent(own));
        await SettledAsync(own);

        Fake.Ledger.ProfileUpserts.Last().Body.ContainsKey("referrerCode").Should().BeFalse("a customer cannot refer themselves");
        Fake.Ledger.Referrals.Should().BeEmpty();
    }

    [Test]
    public async Task ACodeOutsideGameballsFiveMinuteWindowIsNotSent()
    {
        var code = Fake.Ledger.AddReferrer("referrer-sara");
        await using var idle = await OrderSyncTestHost.StartAsync(Store, startDispatcher: false);
        Store.CurrentHttpContext = RequestWithCookie(code);
        await PublishAsync(new CustomerRegisteredEvent(_maria), idle);

        Host.Clock.Advance(TimeSpan.FromMinutes(6));
        await Host.SweepAsync();
        await PublishAsync(new CustomerLoggedinEvent(_maria));
        await SettledAsync(_maria);

        Fake.Ledger.ProfileUpserts.Single().Body.ContainsKey("referrerCode").Should().BeFalse();
        WorkOf(_maria).Single().ReferralNote.Should().Contain("5 minutes");
    }

    [Test]
    public async Task AnErasedCustomerIsDeletedInGameballOnceAndNeverComesBack()
    {
        await PublishAsync(new CustomerRegisteredEvent(_maria));
        await SettledAsync(_maria);

        EraseInStore(_maria);
        await PublishAsync(new CustomerPermanentlyDeleted(_maria.Id, "maria@example.test"));
        await PublishAsync(new CustomerPermanentlyDeleted(_maria.Id, "maria@example.test"));
        await SettledAsync(_maria);
        await Host.SweepAsync();
        await PublishAsync(new CustomerLoggedinEvent(_maria));
        await PublishAsync(new EntityUpdatedEvent<Customer>(_maria));
        await SettledAsync(_maria);

        Fake.Ledger.Erasures.Should().Equal(MariaId);
        Fake.Requests.Count(r => r.Method == "DELETE").Should().Be(1);
        Fake.Ledger.ProfileUpserts.Should().ContainSingle("nothing recreates an erased customer");
        WorkOf(_maria).Should().ContainSingle(w => w.Step == ProfileStep.Erasure).Which.Status.Should().Be(SyncStatus.Sent);
        Fake.Requests.Should().OnlyContain(r => r.Violations.Count == 0);
    }

    [Test]
    public async Task ErasingACustomerGameballNeverHadCountsAsDone()
    {
        EraseInStore(_maria);
        await PublishAsync(new CustomerPermanentlyDeleted(_maria.Id, "maria@example.test"));
        await SettledAsync(_maria);

        Fake.Requests.Should().ContainSingle(r => r.Method == "DELETE").Which.Outcome.Should().Be("404");
        Fake.Ledger.ProfileUpserts.Should().BeEmpty();
    }

    [Test]
    public async Task AnErasureGoesToEveryWorkspaceOfTheStores()
    {
        await using var second = await FakeGameballServer.StartAsync(apiKey: "gb_test_second_workspace");
        Store.Stores.Add(new Nop.Core.Domain.Stores.Store { Id = 2, Name = "Second store", Url = "https://second.example.test/" });
        Store.Stores.Add(new Nop.Core.Domain.Stores.Store { Id = 3, Name = "Third store, same workspace as the first", Url = "https://third.example.test/" });
        Store.Settings[2] = OrderSyncTestHost.SettingsFor(second);
        Store.Settings[3] = OrderSyncTestHost.SettingsFor(Fake);
        Fake.Ledger.AddReferrer(MariaId);
        second.Ledger.AddReferrer(MariaId);

        EraseInStore(_maria);
        await PublishAsync(new CustomerPermanentlyDeleted(_maria.Id, "maria@example.test"));
        await SettledAsync(_maria, items: 2);

        Fake.Ledger.Erasures.Should().Equal(MariaId);
        second.Ledger.Erasures.Should().Equal(MariaId);
        Fake.Requests.Count(r => r.Method == "DELETE").Should().Be(1, "stores sharing a workspace erase once");
    }

    /// <summary>What nopCommerce's GdprService does before it raises its event: the customer's generic attributes go, the row stays, deleted.</summary>
    private void EraseInStore(Customer customer)
    {
        Store.RemoveAttributesOf(customer, nameof(Customer));
        customer.Email = string.Empty;
        customer.Deleted = true;
        customer.Active = false;
        Store.RegisteredCustomerIds.Remove(customer.Id);
    }
}
