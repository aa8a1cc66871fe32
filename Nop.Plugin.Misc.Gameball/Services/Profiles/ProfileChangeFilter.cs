using System.Collections.Concurrent;
using Nop.Core.Domain.Customers;

namespace Nop.Plugin.Misc.Gameball.Services.Profiles;

/// <summary>
/// nopCommerce updates a customer row on almost every visit (last activity, IP address, cart flag). This
/// remembers, per customer, a hash of the fields a Gameball profile is made of, so only an update that
/// touched one of them wakes the customer's pass. In memory and bounded: after a restart (or when full)
/// the first update of a customer wakes the pass once, which finds the profile unchanged by its
/// persisted fingerprint.
/// </summary>
public sealed class ProfileChangeFilter
{
    public const int Capacity = 100_000;

    private readonly ConcurrentDictionary<int, int> _seen = new();

    /// <summary>True when the customer's profile fields differ from what this process last saw.</summary>
    public bool HasChanged(Customer customer)
    {
        var hash = Hash(customer);
        if (_seen.TryGetValue(customer.Id, out var seen) && seen == hash)
            return false;
        if (_seen.Count >= Capacity)
            _seen.Clear();
        _seen[customer.Id] = hash;
        return true;
    }

    private static int Hash(Customer c) => HashCode.Combine(
        HashCode.Combine(c.FirstName, c.LastName, c.Email, c.Phone, c.Gender, c.DateOfBirth),
        HashCode.Combine(c.City, c.ZipPostalCode, c.CountryId, c.LanguageId, c.BillingAddressId, c.Active, c.Deleted));
}
