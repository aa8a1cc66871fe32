using FluentValidation;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.DependencyInjection;
using Nop.Plugin.Misc.Gameball.Controllers;
using Nop.Plugin.Misc.Gameball.FakeGameball;
using Nop.Plugin.Misc.Gameball.Tests.Support;

namespace Nop.Plugin.Misc.Gameball.Tests.Admin;

/// <summary>The admin controller over an in-memory store and a fake Gameball, validating models as nopCommerce's MVC does.</summary>
public sealed class AdminTestHost : IAsyncDisposable
{
    private readonly ServiceProvider _services;

    private AdminTestHost(ServiceProvider services, InMemoryNopStore store, FakeGameballServer fake)
    {
        _services = services;
        Store = store;
        Fake = fake;
    }

    public InMemoryNopStore Store { get; }

    public FakeGameballServer Fake { get; }

    public IServiceProvider Services => _services;

    public static async Task<AdminTestHost> StartAsync()
    {
        var fake = await FakeGameballServer.StartAsync();
        var store = new InMemoryNopStore();
        store.Settings[0] = OrderSyncTestHost.SettingsFor(fake);
        store.Settings[1] = store.Settings[0];
        return new AdminTestHost(PluginServices.Build(store), store, fake);
    }

    public async Task<TResult> WithController<TResult>(Func<GameballAdminController, Task<TResult>> action, object? modelToValidate = null)
    {
        await using var scope = _services.CreateAsyncScope();
        var controller = ActivatorUtilities.CreateInstance<GameballAdminController>(scope.ServiceProvider);
        var http = new DefaultHttpContext { RequestServices = scope.ServiceProvider };
        controller.ControllerContext = new ControllerContext { HttpContext = http };
        controller.TempData = new Microsoft.AspNetCore.Mvc.ViewFeatures.TempDataDictionary(http, Mock.Of<Microsoft.AspNetCore.Mvc.ViewFeatures.ITempDataProvider>());
        controller.Url = Mock.Of<IUrlHelper>();
        if (modelToValidate is not null)
            await ValidateAsync(controller, modelToValidate, scope.ServiceProvider);
        return await action(controller);
    }

    /// <summary>What nopCommerce's MVC does before an action: run the model's FluentValidation validator into ModelState.</summary>
    private static async Task ValidateAsync(Controller controller, object model, IServiceProvider services)
    {
        var validatorType = typeof(GameballPlugin).Assembly.GetTypes()
            .FirstOrDefault(t => !t.IsAbstract && typeof(IValidator<>).MakeGenericType(model.GetType()).IsAssignableFrom(t));
        if (validatorType is null)
            return;
        var validator = (IValidator)ActivatorUtilities.CreateInstance(services, validatorType);
        var result = await validator.ValidateAsync(new ValidationContext<object>(model));
        foreach (var error in result.Errors)
            controller.ModelState.AddModelError(error.PropertyName, error.ErrorMessage);
    }

    public async ValueTask DisposeAsync()
    {
        await _services.DisposeAsync();
        await Fake.DisposeAsync();
    }
}
