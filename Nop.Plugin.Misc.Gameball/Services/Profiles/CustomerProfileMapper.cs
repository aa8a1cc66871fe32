using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Nop.Core.Domain.Common;
using Nop.Core.Domain.Customers;
using Nop.Plugin.Misc.Gameball.Services.Api;
using Nop.Plugin.Misc.Gameball.Services.Api.Models;
using Nop.Plugin.Misc.Gameball.Services.Orders;

namespace Nop.Plugin.Misc.Gameball.Services.Profiles;

/// <summary>What nopCommerce knows of a customer, read for their Gameball profile.</summary>
/// <param name="BillingAddress">The customer's default billing address: where city, zip, country and phone come from when the customer form does not ask for them.</param>
/// <param name="CountryIsoCode">The two-letter ISO code of the customer's (or else the billing address's) country.</param>
/// <param name="LanguageCode">The two-letter code of the customer's language (nopCommerce's UniqueSeoCode).</param>
public sealed record CustomerProfileSource(Customer Customer, Address? BillingAddress, string? CountryIsoCode, string? LanguageCode);

/// <summary>
/// A customer's Gameball profile (<c>POST /customers</c>) from what nopCommerce knows, and its
/// fingerprint: pure functions. Only what is known is sent (an empty field is left out, never sent
/// blank), so a value Gameball got from elsewhere (the widget, the dashboard) is not wiped.
/// </summary>
public static class CustomerProfileMapper
{
    public const string Channel = "web";

    public static UpsertCustomerRequest Map(CustomerProfileSource source, string? referrerCode = null)
    {
        var customer = source.Customer;
        var billing = source.BillingAddress;
        var firstName = Value(customer.FirstName) ?? Value(billing?.FirstName);
        var lastName = Value(customer.LastName) ?? Value(billing?.LastName);
        var email = Value(customer.Email);
        var phone = Value(customer.Phone) ?? Value(billing?.PhoneNumber);
        return new UpsertCustomerRequest
        {
            CustomerId = GameballIdentifiers.CustomerId(customer),
            Email = email,
            ReferrerCode = Value(referrerCode),
            CustomerAttributes = new CustomerAttributes
            {
                DisplayName = Value(string.Join(' ', new[] { firstName, lastName }.Where(n => n is not null))),
                FirstName = firstName,
                LastName = lastName,
                Email = email,
                Mobile = phone,
                Gender = Gender(customer.Gender),
                DateOfBirth = customer.DateOfBirth?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                JoinDate = customer.CreatedOnUtc.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                Country = Value(source.CountryIsoCode)?.ToUpperInvariant(),
                City = Value(customer.City) ?? Value(billing?.City),
                Zip = Value(customer.ZipPostalCode) ?? Value(billing?.ZipPostalCode),
                PreferredLanguage = Value(source.LanguageCode)?.ToLowerInvariant(),
                Channel = Channel,
            },
        };
    }

    /// <summary>nopCommerce keeps "M" or "F" (or nothing); Gameball's docs use the same letters.</summary>
    public static string? Gender(string? gender) => Value(gender)?.ToUpperInvariant() switch
    {
        "M" or "MALE" => "M",
        "F" or "FEMALE" => "F",
        _ => null
    };

    /// <summary>SHA-256 of the profile as sent, without the referral code (which is sent once, not a change of the profile).</summary>
    public static string Fingerprint(UpsertCustomerRequest request)
    {
        var json = GameballJson.Serialize(request with { ReferrerCode = null });
        return Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(json)))[..32].ToLowerInvariant();
    }

    private static string? Value(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
