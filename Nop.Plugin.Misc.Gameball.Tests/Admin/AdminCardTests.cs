using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ViewComponents;
using Microsoft.Extensions.DependencyInjection;
using Nop.Plugin.Misc.Gameball.Components;
using Nop.Plugin.Misc.Gameball.Models;
using Nop.Web.Areas.Admin.Models.Customers;
using Nop.Web.Areas.Admin.Models.Orders;

namespace Nop.Plugin.Misc.Gameball.Tests.Admin;

/// <summary>The Gameball cards on the admin order and customer pages show only what the admin may see.</summary>
[TestFixture]
public class AdminCardTests
{
    private AdminTestHost _host = null!;

    [SetUp]
    public async Task SetUp() => _host = await AdminTestHost.StartAsync();

    [TearDown]
    public async Task TearDown() => await _host.DisposeAsync();

    private async Task<IViewComponentResult> Render<TComponent>(object additionalData, string zone) where TComponent : class
    {
        await using var scope = _host.Services.CreateAsyncScope();
        dynamic component = ActivatorUtilities.CreateInstance<TComponent>(scope.ServiceProvider);
        return await component.InvokeAsync(zone, additionalData);
    }

    [Test]
    public async Task TheOrderCardNeedsOrderViewingRights()
    {
        var order = _host.Store.AddPaidOrder(_host.Store.AddCustomer("a@example.test"), (_host.Store.AddProduct("Cap", 5m), 1));

        (await Render<GameballOrderCardViewComponent>(new OrderModel { Id = order.Id }, "admin_order_details_block")).Should().BeOfType<ContentViewComponentResult>();

        _host.Store.GrantedPermissions.Add("Orders.OrdersView");
        var card = (await Render<GameballOrderCardViewComponent>(new OrderModel { Id = order.Id }, "admin_order_details_block"))
            .Should().BeOfType<ViewViewComponentResult>().Subject.ViewData!.Model.Should().BeOfType<OrderCardModel>().Subject;
        card.OrderId.Should().Be(order.Id);
        card.CanResend.Should().BeFalse("resending needs the right to edit orders or manage plugins");
    }

    [Test]
    public async Task TheCustomerCardOffersTheFormOnlyToThoseWhoManageCustomers()
    {
        var customer = _host.Store.AddCustomer("b@example.test");
        _host.Store.GrantedPermissions.Add("Customers.CustomersView");

        var viewer = (await Render<GameballCustomerCardViewComponent>(new CustomerModel { Id = customer.Id }, "admin_customer_details_block"))
            .Should().BeOfType<ViewViewComponentResult>().Subject.ViewData!.Model.Should().BeOfType<CustomerCardModel>().Subject;
        _host.Store.GrantedPermissions.Add("Customers.CustomersCreateEditDelete");
        var manager = (await Render<GameballCustomerCardViewComponent>(new CustomerModel { Id = customer.Id }, "admin_customer_details_block"))
            .Should().BeOfType<ViewViewComponentResult>().Subject.ViewData!.Model.Should().BeOfType<CustomerCardModel>().Subject;

        viewer.CanAward.Should().BeFalse();
        manager.CanAward.Should().BeTrue();
        manager.AwardToken.Should().NotBe(Guid.Empty).And.NotBe(viewer.AwardToken, "every rendered form is a new award");
    }

    [Test]
    public async Task TheCustomerCardIsAbsentWithoutRightsOrWhenManualCashbackIsOff()
    {
        var customer = _host.Store.AddCustomer("c@example.test");

        (await Render<GameballCustomerCardViewComponent>(new CustomerModel { Id = customer.Id }, "admin_customer_details_block")).Should().BeOfType<ContentViewComponentResult>();
        _host.Store.GrantedPermissions.Add("Customers.CustomersView");
        _host.Store.Settings[0].EnableManualCashback = false;
        (await Render<GameballCustomerCardViewComponent>(new CustomerModel { Id = customer.Id }, "admin_customer_details_block")).Should().BeOfType<ContentViewComponentResult>();
    }

    [Test]
    public async Task AGuestsCardSaysWhyNothingCanBeAwarded()
    {
        var guest = _host.Store.AddCustomer(null, registered: false);
        _host.Store.GrantedPermissions.Add("Customers.CustomersView");

        var card = (await Render<GameballCustomerCardViewComponent>(new CustomerModel { Id = guest.Id }, "admin_customer_details_block"))
            .Should().BeOfType<ViewViewComponentResult>().Subject.ViewData!.Model.Should().BeOfType<CustomerCardModel>().Subject;

        card.CannotAwardReason.Should().StartWith("Cashback goes to registered customers only");
    }
}
