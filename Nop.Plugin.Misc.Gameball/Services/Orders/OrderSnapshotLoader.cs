using Nop.Core.Domain.Directory;
using Nop.Core.Domain.Orders;
using Nop.Services.Catalog;
using Nop.Services.Common;
using Nop.Services.Customers;
using Nop.Services.Directory;
using Nop.Services.Orders;
using Nop.Services.Stores;

namespace Nop.Plugin.Misc.Gameball.Services.Orders;

/// <summary>
/// Reads from nopCommerce what Gameball needs of an order: its lines with product, categories and
/// manufacturer, its customer, billing contact and store. Deleted products and customers are tolerated.
/// </summary>
public class OrderSnapshotLoader
{
    private readonly IAddressService _addressService;
    private readonly ICategoryService _categoryService;
    private readonly ICurrencyService _currencyService;
    private readonly ICustomerService _customerService;
    private readonly IManufacturerService _manufacturerService;
    private readonly IOrderService _orderService;
    private readonly IProductService _productService;
    private readonly IStoreService _storeService;
    private readonly CurrencySettings _currencySettings;
    private readonly IGenericAttributeService _genericAttributeService;

    public OrderSnapshotLoader(IAddressService addressService,
        ICategoryService categoryService,
        ICurrencyService currencyService,
        ICustomerService customerService,
        IManufacturerService manufacturerService,
        IOrderService orderService,
        IProductService productService,
        IStoreService storeService,
        CurrencySettings currencySettings,
        IGenericAttributeService genericAttributeService)
    {
        _genericAttributeService = genericAttributeService;
        _addressService = addressService;
        _categoryService = categoryService;
        _currencyService = currencyService;
        _customerService = customerService;
        _manufacturerService = manufacturerService;
        _orderService = orderService;
        _productService = productService;
        _storeService = storeService;
        _currencySettings = currencySettings;
    }

    public async Task<OrderSnapshot> LoadAsync(Order order)
    {
        var customer = await _customerService.GetCustomerByIdAsync(order.CustomerId);
        var isGuest = customer is null || !await _customerService.IsRegisteredAsync(customer);
        var billing = await _addressService.GetAddressByIdAsync(order.BillingAddressId);
        var stores = await _storeService.GetAllStoresAsync();
        var currency = await _currencyService.GetCurrencyByIdAsync(_currencySettings.PrimaryStoreCurrencyId);

        return new OrderSnapshot
        {
            Order = order,
            CustomerId = customer is null ? GameballIdentifiers.OrphanOrderCustomerId(order) : GameballIdentifiers.CustomerId(customer),
            IsGuest = isGuest,
            Email = FirstNonBlank(customer?.Email, billing?.Email),
            Mobile = FirstNonBlank(billing?.PhoneNumber, customer?.Phone),
            Lines = await LoadLinesAsync(order),
            StoreName = stores.FirstOrDefault(s => s.Id == order.StoreId)?.Name,
            IsMultiStore = stores.Count > 1,
            PrimaryCurrencyCode = currency?.CurrencyCode,
            PointsRedemptionTransactionId = await PointsRedemptionOfAsync(order),
        };
    }

    private async Task<IReadOnlyList<OrderLineSnapshot>> LoadLinesAsync(Order order)
    {
        var items = await _orderService.GetOrderItemsAsync(order.Id);
        var productIds = items.Select(i => i.ProductId).Distinct().ToArray();
        var products = (await _productService.GetProductsByIdsAsync(productIds)).ToDictionary(p => p.Id);
        var categoryIdsByProduct = await _categoryService.GetProductCategoryIdsAsync(productIds);
        var categoryNames = (await _categoryService.GetCategoriesByIdsAsync([.. categoryIdsByProduct.Values.SelectMany(c => c).Distinct()]))
            .ToDictionary(c => c.Id, c => c.Name);
        var manufacturers = new Dictionary<int, string?>();
        foreach (var productId in productIds)
            manufacturers[productId] = await FirstManufacturerNameAsync(productId);

        return [.. items.Select(item =>
        {
            products.TryGetValue(item.ProductId, out var product);
            return new OrderLineSnapshot
            {
                Item = item,
                ProductName = product?.Name,
                Sku = product?.Sku,
                IsGiftCard = product?.IsGiftCard ?? false,
                CategoryNames = categoryIdsByProduct.TryGetValue(item.ProductId, out var ids)
                    ? [.. ids.Where(categoryNames.ContainsKey).Select(id => categoryNames[id]).Where(n => !string.IsNullOrWhiteSpace(n))]
                    : [],
                ManufacturerName = manufacturers[item.ProductId],
            };
        })];
    }

    private async Task<string?> FirstManufacturerNameAsync(int productId)
    {
        var mappings = await _manufacturerService.GetProductManufacturersByProductIdAsync(productId, showHidden: true);
        var first = mappings.OrderBy(m => m.DisplayOrder).FirstOrDefault();
        if (first is null)
            return null;
        return (await _manufacturerService.GetManufacturersByIdsAsync([first.ManufacturerId])).FirstOrDefault()?.Name;
    }

    private async Task<string?> PointsRedemptionOfAsync(Order order)
    {
        var json = await _genericAttributeService.GetAttributeAsync<string>(order, Redemption.RedemptionStore.OrderKey);
        if (string.IsNullOrEmpty(json))
            return null;
        try
        {
            return Newtonsoft.Json.JsonConvert.DeserializeObject<Redemption.OrderRedemption>(json)?.TransactionId;
        }
        catch (Newtonsoft.Json.JsonException)
        {
            return null;
        }
    }

    private static string? FirstNonBlank(params string?[] values) => values.FirstOrDefault(v => !string.IsNullOrWhiteSpace(v));
}
