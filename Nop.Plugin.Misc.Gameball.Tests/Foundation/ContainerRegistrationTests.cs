using Autofac;
using Autofac.Extensions.DependencyInjection;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Nop.Core.Configuration;
using Nop.Plugin.Misc.Gameball.Infrastructure;
using Nop.Plugin.Misc.Gameball.Services;

namespace Nop.Plugin.Misc.Gameball.Tests.Foundation;

/// <summary>
/// Builds the plugin's registrations into an Autofac container as nopCommerce does, with every
/// nopCommerce service interface mocked, and resolves every plugin service.
/// </summary>
[TestFixture]
public class ContainerRegistrationTests
{
    internal static IContainer BuildContainer(out IServiceCollection pluginServices)
    {
        var services = new ServiceCollection();
        services.AddLogging();
        var configuration = new ConfigurationBuilder().Build();
        var startup = new NopStartup();
        var before = services.Count;
        startup.ConfigureServices(services, configuration);
        pluginServices = new ServiceCollection();
        foreach (var descriptor in services.Skip(before))
            pluginServices.Add(descriptor);

        var builder = new ContainerBuilder();
        builder.Populate(services);
        RegisterNopCommerceFakes(builder);
        return builder.Build();
    }

    /// <summary>What a nopCommerce host provides: its service interfaces (mocked here) and every ISettings class.</summary>
    private static void RegisterNopCommerceFakes(ContainerBuilder builder)
    {
        var nopAssemblies = new[] { "Nop.Core", "Nop.Data", "Nop.Services", "Nop.Web.Framework", "Nop.Web" }.Select(System.Reflection.Assembly.Load);
        foreach (var type in nopAssemblies.SelectMany(a => a.GetExportedTypes()))
        {
            if (type.IsInterface && !type.IsGenericTypeDefinition && type.Name.StartsWith('I') && type != typeof(ISettings))
            {
                var mockType = typeof(Mock<>).MakeGenericType(type);
                builder.Register(_ => ((Mock)Activator.CreateInstance(mockType)!).Object).As(type).InstancePerLifetimeScope().PreserveExistingDefaults();
            }
        }

        // nopCommerce registers every ISettings class and the open generic repository
        foreach (var settingsType in nopAssemblies.SelectMany(a => a.GetExportedTypes()).Where(t => t.IsClass && !t.IsAbstract && typeof(ISettings).IsAssignableFrom(t)))
            builder.Register(_ => Activator.CreateInstance(settingsType)!).As(settingsType).InstancePerLifetimeScope();
        builder.RegisterGeneric(typeof(EmptyRepository<>)).As(typeof(Nop.Data.IRepository<>)).InstancePerLifetimeScope();
        builder.Register(_ => GameballPlugin.CreateDefaultSettings()).As<GameballSettings>().InstancePerLifetimeScope();
    }

    private sealed class EmptyRepository<T> : Nop.Data.IRepository<T> where T : Nop.Core.BaseEntity
    {
        public IQueryable<T> Table => Enumerable.Empty<T>().AsQueryable();

        public Task DeleteAsync(T entity, bool publishEvent = true) => throw new NotImplementedException();
        public Task InsertAsync(T entity, bool publishEvent = true) => throw new NotImplementedException();
        public Task UpdateAsync(T entity, bool publishEvent = true) => throw new NotImplementedException();
        public Task<int> DeleteAsync(System.Linq.Expressions.Expression<Func<T, bool>> predicate) => throw new NotImplementedException();
    }

    [Test]
    public void EveryServiceThePluginRegistersResolves()
    {
        using var container = BuildContainer(out var pluginServices);
        using var scope = container.BeginLifetimeScope();

        pluginServices.Should().NotBeEmpty();
        foreach (var descriptor in pluginServices.Where(d => !d.ServiceType.IsGenericTypeDefinition))
            scope.Resolve(descriptor.ServiceType).Should().NotBeNull($"{descriptor.ServiceType} is registered by the plugin");
    }

    [Test]
    public void PluginAndScheduleTaskAreCreatedFromTheContainerAsNopCommerceCreatesThem()
    {
        using var container = BuildContainer(out _);
        using var scope = container.BeginLifetimeScope();
        var provider = new AutofacServiceProvider(scope);

        // nopCommerce creates plugins and schedule tasks with ResolveUnregistered: constructor injection, no registration
        ActivatorUtilities.CreateInstance<GameballPlugin>(provider).Should().NotBeNull();
        ActivatorUtilities.CreateInstance<GameballSyncTask>(provider).Should().NotBeNull();
    }
}
