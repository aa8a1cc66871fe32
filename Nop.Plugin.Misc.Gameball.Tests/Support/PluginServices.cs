using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Nop.Plugin.Misc.Gameball.Infrastructure;
using Nop.Plugin.Misc.Gameball.Services.Api;
using Nop.Plugin.Misc.Gameball.Services.WebFarm;

namespace Nop.Plugin.Misc.Gameball.Tests.Support;

/// <summary>The plugin's own registrations (its NopStartup) over nopCommerce's services as an in-memory store provides them.</summary>
public static class PluginServices
{
    public static ServiceProvider Build(InMemoryNopStore? store, GameballRateLimits? limits = null, TimeProvider? clock = null, ILoggerProvider? logs = null, ProcessLife? life = null, WebFarmTiming? farmTiming = null)
    {
        var services = new ServiceCollection();
        services.AddLogging(b =>
        {
            b.SetMinimumLevel(LogLevel.Trace);
            if (logs is not null)
                b.AddProvider(logs);
        });
        if (clock is not null)
            services.AddSingleton(clock);
        if (limits is not null)
            services.AddSingleton(limits);
        if (farmTiming is not null)
            services.AddSingleton(farmTiming);
        store?.AddNopServices(services, life);
        new NopStartup().ConfigureServices(services, new ConfigurationBuilder().Build());
        return services.BuildServiceProvider();
    }
}
