using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Nop.Core.Infrastructure;
using Nop.Plugin.Misc.Gameball.Services;

namespace Nop.Plugin.Misc.Gameball.Infrastructure;

/// <summary>
/// Registers the plugin's services with nopCommerce's container.
/// </summary>
public class NopStartup : INopStartup
{
    public void ConfigureServices(IServiceCollection services, IConfiguration configuration)
    {
        services.AddScoped<GameballWidgetZones>();
        services.AddScoped<GameballSyncTask>();
    }

    public void Configure(IApplicationBuilder application)
    {
    }

    public int Order => 3000;
}
