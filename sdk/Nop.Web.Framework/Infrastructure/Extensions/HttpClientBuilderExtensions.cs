using Microsoft.Extensions.DependencyInjection;

namespace Nop.Web.Framework.Infrastructure.Extensions;

public static class HttpClientBuilderExtensions
{
    // The store's proxy settings are applied by the host; the stand-in leaves the handler untouched.
    public static void WithProxy(this IHttpClientBuilder httpClientBuilder)
    {
        ArgumentNullException.ThrowIfNull(httpClientBuilder);
    }
}
