using Microsoft.Extensions.DependencyInjection;
using Nop.Plugin.Misc.Gameball.FakeGameball;
using Nop.Plugin.Misc.Gameball.Services.Orders;
using Nop.Plugin.Misc.Gameball.Tests.Support;

// dotnet run --project Nop.Plugin.Misc.Gameball.DemoHost [-- --port 5080]
var portIndex = Array.IndexOf(args, "--port");
var port = portIndex >= 0 && portIndex + 1 < args.Length && int.TryParse(args[portIndex + 1], out var p) ? p : 5080;

await using var demo = await DemoStore.StartAsync(port);
var bag = demo.Store.AddProduct("Leather weekender bag", 100m, "BAG-1");
var mug = demo.Store.AddProduct("Mug", 12.5m, "MUG-1");
demo.Store.AddToCart(demo.Store.CurrentCustomer!, bag, 1);
demo.Store.AddToCart(demo.Store.CurrentCustomer!, mug, 2);
var customer = demo.Store.AddCustomer("noura@example.test");

int failedOrderId;
// two orders for the sync log: one Gameball acknowledged, one that failed while Gameball answered 500
await using (var scope = demo.Services.CreateAsyncScope())
{
    var processor = scope.ServiceProvider.GetRequiredService<OrderSyncProcessor>();
    await processor.ProcessAsync(demo.Store.AddPaidOrder(customer, (bag, 1)).Id, false, CancellationToken.None);
    var maxAttempts = demo.Store.Settings[0].MaxSyncAttempts;
    demo.Store.Settings[0].MaxSyncAttempts = 1;
    demo.Fake.Faults.Next(new Fault(FaultKind.ServerError));
    failedOrderId = demo.Store.AddPaidOrder(customer, (mug, 2)).Id;
    await processor.ProcessAsync(failedOrderId, false, CancellationToken.None);
    demo.Store.Settings[0].MaxSyncAttempts = maxAttempts;
}

Console.WriteLine("Gameball plugin demo store (in-memory nopCommerce services, fake Gameball on loopback)");
Console.WriteLine($"  product page:        {demo.BaseUrl}/product/{bag.Id} (right to left: ?dir=rtl)");
Console.WriteLine($"  cart:                {demo.BaseUrl}/cart (right to left: {demo.BaseUrl}/cart?dir=rtl)");
Console.WriteLine($"  one-page checkout:   {demo.BaseUrl}/onepagecheckout (Continue through the steps to the confirm step)");
Console.WriteLine($"  checkout confirm:    {demo.BaseUrl}/checkout/confirm (the multi-step checkout's last page)");
Console.WriteLine($"  configuration:       {demo.BaseUrl}/Admin/Gameball/Configure");
Console.WriteLine($"  admin customer card: {demo.BaseUrl}/demo-admin/customer/{customer.Id}");
Console.WriteLine($"  admin order card:    {demo.BaseUrl}/demo-admin/order/{failedOrderId} (the failed order; Resend sends it)");
Console.WriteLine($"  sync log:            {demo.BaseUrl}/Admin/GameballAdmin/SyncLog (its grid needs `npm ci --prefix Nop.Plugin.Misc.Gameball.Tests/DemoAssets` once)");
Console.WriteLine($"  fake Gameball:       {demo.Fake.BaseUrl}");
Console.WriteLine("Ctrl+C stops it.");

var stop = new TaskCompletionSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    stop.TrySetResult();
};
await stop.Task;
