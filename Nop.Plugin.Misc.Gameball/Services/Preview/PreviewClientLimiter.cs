using System.Net;
using System.Net.Sockets;
using System.Threading.RateLimiting;

namespace Nop.Plugin.Misc.Gameball.Services.Preview;

/// <summary>
/// How many points previews one client may ask for in a minute, per store: a fixed one-minute window per
/// client, so that no single client can spend the store's Gameball calculation bucket (or keep the store
/// busy pricing) and hide the previews of every other shopper.
/// </summary>
/// <remarks>
/// The client is its IP address as nopCommerce sees it (<c>IWebHelper.GetCurrentIpAddress</c>, after
/// nopCommerce's forwarded-headers settings); an IPv6 client is its /64 network, which one household or
/// server holds whole and can hop around in. The customer is deliberately not part of the key: a client
/// that sends no cookie is a new guest on every request. A client with no known address shares one
/// window with every other such client.
/// Windows are kept only while in use: the limiter drops a client's window once it has been idle a few
/// seconds after it reset. The limit is part of the key, so a changed setting takes effect at once.
/// </remarks>
public sealed class PreviewClientLimiter : IDisposable
{
    public static TimeSpan Window { get; } = TimeSpan.FromMinutes(1);

    private readonly PartitionedRateLimiter<PreviewClient> _limiter = PartitionedRateLimiter.Create<PreviewClient, PreviewClient>(client =>
        RateLimitPartition.GetFixedWindowLimiter(client, key => new FixedWindowRateLimiterOptions
        {
            PermitLimit = key.PermitsPerWindow,
            Window = Window,
            QueueLimit = 0,
            AutoReplenishment = true,
        }));

    /// <summary>Counts one request of the client against the limit.</summary>
    /// <param name="permitsPerMinute">The store's limit; 0 or less means no limit.</param>
    /// <param name="retryAfter">When refused: how long until the client may ask again.</param>
    /// <returns>False when the client has used up its requests for this minute.</returns>
    public bool TryAdmit(int storeId, string? ipAddress, int permitsPerMinute, out TimeSpan retryAfter)
    {
        retryAfter = TimeSpan.Zero;
        if (permitsPerMinute <= 0)
            return true;

        using var lease = _limiter.AttemptAcquire(new PreviewClient(storeId, ClientKey(ipAddress), permitsPerMinute));
        if (lease.IsAcquired)
            return true;
        retryAfter = lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) && wait > TimeSpan.Zero ? wait : Window;
        return false;
    }

    /// <summary>The client an address stands for: an IPv4 address itself (also when mapped into IPv6), an IPv6 address its /64.</summary>
    internal static string ClientKey(string? ipAddress)
    {
        if (string.IsNullOrWhiteSpace(ipAddress) || !IPAddress.TryParse(ipAddress, out var address))
            return string.Empty;
        if (address.IsIPv4MappedToIPv6)
            address = address.MapToIPv4();
        if (address.AddressFamily != AddressFamily.InterNetworkV6)
            return address.ToString();

        Span<byte> bytes = stackalloc byte[16];
        address.TryWriteBytes(bytes, out _);
        bytes[8..].Clear();
        return new IPAddress(bytes).ToString() + "/64";
    }

    public void Dispose() => _limiter.Dispose();

    private readonly record struct PreviewClient(int StoreId, string Address, int PermitsPerWindow);
}
