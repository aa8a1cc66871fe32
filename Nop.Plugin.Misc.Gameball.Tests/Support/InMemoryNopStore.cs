using System.Collections.Concurrent;
using Microsoft.AspNetCore.Http;
using Nop.Core;
using Nop.Core.Caching;
using Nop.Core.Domain.Blogs;
using Nop.Core.Domain.Catalog;
using Nop.Core.Domain.Common;
using Nop.Core.Domain.Customers;
using Nop.Core.Domain.Directory;
using Nop.Core.Domain.Discounts;
using Nop.Core.Domain.Localization;
using Nop.Core.Domain.Logging;
using Nop.Core.Domain.Messages;
using Nop.Core.Domain.News;
using Nop.Core.Domain.Orders;
using Nop.Core.Domain.Payments;
using Nop.Core.Domain.Stores;
using Nop.Data;
using Nop.Services.Catalog;
using Nop.Services.Common;
using Nop.Services.Configuration;
using Nop.Services.Customers;
using Nop.Services.Directory;
using Nop.Services.Helpers;
using Nop.Services.Localization;
using Nop.Services.Logging;
using Nop.Services.Messages;
using Nop.Services.Orders;
using Nop.Services.Security;
using Nop.Services.Stores;
using Nop.Services.Tax;

namespace Nop.Plugin.Misc.Gameball.Tests.Support;

/// <summary>
/// What a nopCommerce database holds for these tests (stores, customers, products, orders, generic
/// attributes, settings), behind Moq mocks of nopCommerce's service interfaces. It outlives the service
/// providers built on it, as a database outlives a restart.
/// </summary>
public sealed class InMemoryNopStore
{
    private readonly object _gate = new();
    private int _nextId = 1000;

    public List<Store> Stores { get; } = [new Store { Id = 1, Name = "Main store", Url = "https://shop.example.test/" }];
    public Dictionary<int, GameballSettings> Settings { get; } = [];
    public List<Customer> Customers { get; } = [];
    public HashSet<int> RegisteredCustomerIds { get; } = [];
    public List<Address> Addresses { get; } = [];
    public List<Country> Countries { get; } = [new Country { Id = 1, Name = "Egypt", TwoLetterIsoCode = "EG" }, new Country { Id = 2, Name = "United States", TwoLetterIsoCode = "US" }];
    public List<Language> Languages { get; } =
    [
        new Language { Id = 1, Name = "English", LanguageCulture = "en-US", UniqueSeoCode = "en", Published = true },
        new Language { Id = 2, Name = "العربية", LanguageCulture = "ar-EG", UniqueSeoCode = "ar", Published = true },
    ];
    public List<Product> Products { get; } = [];
    public List<Category> Categories { get; } = [];
    public Dictionary<int, int[]> ProductCategories { get; } = [];
    public List<Manufacturer> Manufacturers { get; } = [];
    public List<ProductManufacturer> ProductManufacturers { get; } = [];
    public List<Order> Orders { get; } = [];
    public List<OrderItem> OrderItems { get; } = [];
    public List<GenericAttribute> GenericAttributes { get; } = [];
    public List<ProductReview> Reviews { get; } = [];
    public List<BlogComment> BlogComments { get; } = [];
    public List<NewsComment> NewsComments { get; } = [];
    public List<NewsLetterSubscription> Subscriptions { get; } = [];
    private readonly Dictionary<int, Order> _ordersById = [];
    private readonly Dictionary<int, Address> _addressesById = [];
    private readonly Dictionary<int, List<OrderItem>> _itemsByOrder = [];
    private readonly Dictionary<(string Group, int EntityId, string Key), GenericAttribute> _attributes = [];
    public ConcurrentQueue<string> NopLog { get; } = new();
    public ConcurrentQueue<string> SavedSettingNames { get; } = new();
    public CurrencySettings CurrencySettings { get; } = new() { PrimaryStoreCurrencyId = 1 };
    public AdminAreaSettings AdminAreaSettings { get; } = new() { DefaultGridPageSize = 15, GridPageSizes = "7, 15, 20, 50, 100" };

    /// <summary>The time zone of the admin looking at the admin pages.</summary>
    public TimeZoneInfo AdminTimeZone { get; set; } = TimeZoneInfo.Utc;
    public List<ShoppingCartItem> Cart { get; } = [];
    public List<GiftCard> GiftCards { get; } = [];
    public List<GiftCardUsageHistory> GiftCardUsages { get; } = [];

    /// <summary>The gift card codes each customer applied (nopCommerce keeps them as a customer attribute).</summary>
    public ConcurrentDictionary<int, List<string>> AppliedGiftCardCodes { get; } = new();

    /// <summary>What a gift card has left: its amount less what orders used of it.</summary>
    public decimal RemainingOf(GiftCard card)
    {
        lock (_gate)
            return Math.Max(0, card.Amount - GiftCardUsages.Where(u => u.GiftCardId == card.Id).Sum(u => u.UsedValue));
    }

    /// <summary>The gift cards nopCommerce would apply to the customer's cart: applied codes of activated cards with something left.</summary>
    public IReadOnlyList<GiftCard> ActiveGiftCardsOf(Customer customer)
    {
        var codes = AppliedGiftCardCodes.TryGetValue(customer.Id, out var list) ? [.. list] : new List<string>();
        lock (_gate)
            return [.. GiftCards.Where(g => g.IsGiftCardActivated && codes.Contains(g.GiftCardCouponCode, StringComparer.OrdinalIgnoreCase)).Where(g => RemainingOf(g) > 0)];
    }

    /// <summary>As nopCommerce's order total: the customer's applied gift cards come off in turn, each up to what it has left.</summary>
    public List<Nop.Services.Orders.AppliedGiftCard> AppliedGiftCardsOf(Customer customer, decimal total)
    {
        var applied = new List<Nop.Services.Orders.AppliedGiftCard>();
        foreach (var card in ActiveGiftCardsOf(customer))
        {
            var used = Math.Min(RemainingOf(card), total);
            total -= used;
            applied.Add(new Nop.Services.Orders.AppliedGiftCard { GiftCard = card, AmountCanBeUsed = used });
        }

        return applied;
    }

    public HashSet<int> ProductsHiddenFromStore { get; } = [];
    public Customer? CurrentCustomer { get; set; }

    /// <summary>The storefront request a consumer runs in (its cookies), for tests that publish events outside a web host.</summary>
    public HttpContext? CurrentHttpContext { get; set; }

    public int CurrentStoreId { get; set; } = 1;
    public ConcurrentQueue<(string Keyword, string Comment, int? EntityId)> Activities { get; } = new();

    /// <summary>The admins named as the actors of activities logged outside their own request.</summary>
    public ConcurrentQueue<int> ActivityActors { get; } = new();

    /// <summary>The clock the shared locks expire on (a test moves it forward past a dead process's lock).</summary>
    public TimeProvider LockClock { get; set; } = TimeProvider.System;
    public HashSet<string> GrantedPermissions { get; } = [];
    public int ActiveStoreScope { get; set; }

    /// <summary>The tax nopCommerce adds to shown prices in these tests.</summary>
    public const decimal TaxFactor = 1.1m;

    public ShoppingCartItem AddToCart(Customer customer, Product product, int quantity)
    {
        var item = new ShoppingCartItem { Id = NextId(), CustomerId = customer.Id, ProductId = product.Id, Quantity = quantity, StoreId = 1, ShoppingCartType = ShoppingCartType.ShoppingCart };
        lock (_gate)
            Cart.Add(item);
        return item;
    }

    /// <summary>A database round trip on every attribute read (off by default: the in-memory store answers at once).</summary>
    public TimeSpan AttributeReadLatency { get; set; }

    /// <summary>Counts generic attributes while plugin instances write them.</summary>
    public int CountAttributes(Func<GenericAttribute, bool> predicate)
    {
        lock (_gate)
            return GenericAttributes.Count(predicate);
    }

    public int NextId() => Interlocked.Increment(ref _nextId);

    public GameballSettings SettingsOf(int storeId) => Settings.TryGetValue(storeId, out var s) ? s : Settings.TryGetValue(0, out var shared) ? shared : new GameballSettings();

    public Customer AddCustomer(string? email, bool registered = true, string? phone = null)
    {
        var customer = new Customer { Id = NextId(), Email = email!, Phone = phone!, Active = true, CreatedOnUtc = DateTime.UtcNow };
        lock (_gate)
        {
            Customers.Add(customer);
            if (registered)
                RegisteredCustomerIds.Add(customer.Id);
        }

        return customer;
    }

    public Product AddProduct(string name, decimal price, string? sku = null, bool giftCard = false, string? category = null, string? manufacturer = null)
    {
        var product = new Product { Id = NextId(), Name = name, Price = price, Sku = sku, IsGiftCard = giftCard, Published = true, VisibleIndividually = true, OrderMaximumQuantity = 10000, OrderMinimumQuantity = 1 };
        lock (_gate)
        {
            Products.Add(product);
            if (category is not null)
            {
                var cat = Categories.FirstOrDefault(c => c.Name == category) ?? new Category { Id = NextId(), Name = category, Published = true };
                if (!Categories.Contains(cat))
                    Categories.Add(cat);
                ProductCategories[product.Id] = [cat.Id];
            }

            if (manufacturer is not null)
            {
                var m = new Manufacturer { Id = NextId(), Name = manufacturer, Published = true };
                Manufacturers.Add(m);
                ProductManufacturers.Add(new ProductManufacturer { Id = NextId(), ProductId = product.Id, ManufacturerId = m.Id });
            }
        }

        return product;
    }

    /// <summary>A paid order of the given lines (product, quantity), taxed at 10%, with 5.00 shipping.</summary>
    public Order AddPaidOrder(Customer? customer, params (Product Product, int Quantity)[] lines) => AddOrder(customer, paid: true, lines);

    public Order AddOrder(Customer? customer, bool paid, params (Product Product, int Quantity)[] lines)
    {
        var address = new Address { Id = NextId(), Email = customer?.Email ?? "guest@example.test", FirstName = "Ana", PhoneNumber = "+201001234567" };
        var order = new Order
        {
            Id = NextId(),
            OrderGuid = Guid.NewGuid(),
            StoreId = 1,
            CustomerId = customer?.Id ?? 999_999,
            BillingAddressId = address.Id,
            OrderStatus = paid ? OrderStatus.Processing : OrderStatus.Pending,
            PaymentStatus = paid ? PaymentStatus.Paid : PaymentStatus.Pending,
            PaymentMethodSystemName = "Payments.Manual",
            CreatedOnUtc = DateTime.UtcNow.AddMinutes(-1),
            PaidDateUtc = paid ? DateTime.UtcNow : null,
        };
        order.CustomOrderNumber = order.Id.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var items = lines.Select(l => new OrderItem
        {
            Id = NextId(),
            OrderItemGuid = Guid.NewGuid(),
            OrderId = order.Id,
            ProductId = l.Product.Id,
            Quantity = l.Quantity,
            UnitPriceExclTax = l.Product.Price,
            UnitPriceInclTax = l.Product.Price * 1.1m,
            PriceExclTax = l.Product.Price * l.Quantity,
            PriceInclTax = l.Product.Price * l.Quantity * 1.1m,
            ItemWeight = 0.5m,
        }).ToList();
        order.OrderSubtotalExclTax = items.Sum(i => i.PriceExclTax);
        order.OrderSubtotalInclTax = items.Sum(i => i.PriceInclTax);
        order.OrderShippingExclTax = order.OrderShippingInclTax = lines.Length == 0 ? 0 : 5m;
        order.OrderTax = order.OrderSubtotalInclTax - order.OrderSubtotalExclTax;
        order.OrderTotal = order.OrderSubtotalInclTax + order.OrderShippingInclTax;
        lock (_gate)
        {
            Addresses.Add(address);
            Orders.Add(order);
            OrderItems.AddRange(items);
            _ordersById[order.Id] = order;
            _addressesById[address.Id] = address;
            _itemsByOrder[order.Id] = items;
        }

        return order;
    }

    public ProductReview AddReview(Customer customer, Product product, bool approved = true, int storeId = 1)
    {
        var review = new ProductReview { Id = NextId(), CustomerId = customer.Id, ProductId = product.Id, StoreId = storeId, IsApproved = approved, CreatedOnUtc = DateTime.UtcNow };
        lock (_gate)
            Reviews.Add(review);
        return review;
    }

    public BlogComment AddBlogComment(Customer customer, bool approved = true)
    {
        var comment = new BlogComment { Id = NextId(), CustomerId = customer.Id, BlogPostId = 7, StoreId = 1, IsApproved = approved, CreatedOnUtc = DateTime.UtcNow };
        lock (_gate)
            BlogComments.Add(comment);
        return comment;
    }

    public NewsComment AddNewsComment(Customer customer, bool approved = true)
    {
        var comment = new NewsComment { Id = NextId(), CustomerId = customer.Id, NewsItemId = 9, StoreId = 1, IsApproved = approved, CreatedOnUtc = DateTime.UtcNow };
        lock (_gate)
            NewsComments.Add(comment);
        return comment;
    }

    public NewsLetterSubscription Subscribe(string email, bool active = true)
    {
        var subscription = new NewsLetterSubscription { Id = NextId(), NewsLetterSubscriptionGuid = Guid.NewGuid(), Email = email, StoreId = 1, Active = active, CreatedOnUtc = DateTime.UtcNow };
        lock (_gate)
            Subscriptions.Add(subscription);
        return subscription;
    }

    /// <summary>What nopCommerce's GDPR erasure does to a customer's generic attributes.</summary>
    public void RemoveAttributesOf(BaseEntity entity, string keyGroup)
    {
        lock (_gate)
        {
            GenericAttributes.RemoveAll(a => a.KeyGroup == keyGroup && a.EntityId == entity.Id);
            foreach (var index in _attributes.Keys.Where(k => k.Item1 == keyGroup && k.Item2 == entity.Id).ToList())
                _attributes.Remove(index);
        }
    }

    public void Remove<T>(List<T> list, T entity)
    {
        lock (_gate)
            list.Remove(entity);
    }

    public string? Attribute(BaseEntity entity, string key)
    {
        lock (_gate)
            return _attributes.TryGetValue((entity.GetType().Name, entity.Id, key), out var attribute) ? attribute.Value : null;
    }

    /// <summary>
    /// Generic attributes as nopCommerce 4.90 serves them: cached per DI scope, the cache cleared only by whoever
    /// removes the key (<see cref="ScopeCachedGenericAttributeService"/>); off, every read sees the table.
    /// </summary>
    public bool CachesAttributesPerScope { get; set; }

    /// <summary>Copies of an entity's attribute rows, lowest id first, as GenericAttributeService reads them.</summary>
    public List<GenericAttribute> AttributeRowsOf(BaseEntity entity)
    {
        lock (_gate)
            return [.. GenericAttributes.Where(a => a.KeyGroup == entity.GetType().Name && a.EntityId == entity.Id).OrderBy(a => a.Id)
                .Select(a => new GenericAttribute { Id = a.Id, KeyGroup = a.KeyGroup, EntityId = a.EntityId, Key = a.Key, Value = a.Value, StoreId = a.StoreId, CreatedOrUpdatedDateUTC = a.CreatedOrUpdatedDateUTC })];
    }

    /// <summary>An INSERT: a second row of the same key is a second row, as in nopCommerce's table (no unique index).</summary>
    public void InsertAttributeRow(GenericAttribute row)
    {
        lock (_gate)
        {
            row.Id = NextId();
            GenericAttributes.Add(row);
            _attributes.TryAdd((row.KeyGroup, row.EntityId, row.Key), row);
        }
    }

    /// <summary>An UPDATE by id, stamped as nopCommerce stamps it: nothing when the row is gone.</summary>
    public void UpdateAttributeRow(GenericAttribute row, string value)
    {
        row.Value = value;
        row.CreatedOrUpdatedDateUTC = DateTime.UtcNow;
        lock (_gate)
        {
            var stored = GenericAttributes.FirstOrDefault(a => a.Id == row.Id);
            if (stored is not null)
            {
                stored.Value = value;
                stored.CreatedOrUpdatedDateUTC = row.CreatedOrUpdatedDateUTC;
            }
        }
    }

    /// <summary>A DELETE by id; the key's first remaining row (if any) is what reads find next.</summary>
    public void DeleteAttributeRow(GenericAttribute row)
    {
        lock (_gate)
        {
            GenericAttributes.RemoveAll(a => a.Id == row.Id);
            var index = (row.KeyGroup, row.EntityId, row.Key);
            _attributes.Remove(index);
            if (GenericAttributes.Where(a => a.KeyGroup == row.KeyGroup && a.EntityId == row.EntityId && a.Key == row.Key).OrderBy(a => a.Id).FirstOrDefault() is { } next)
                _attributes[index] = next;
        }
    }

    /// <summary>Registers nopCommerce's services, backed by this store, into a container builder's service collection.</summary>
    public void AddNopServices(Microsoft.Extensions.DependencyInjection.IServiceCollection services, ProcessLife? life = null)
    {
        life ??= new ProcessLife();
        Add(services, OrderServiceMock());
        var attributes = GenericAttributeServiceMock(life);
        _mocks.Add(attributes);
        Microsoft.Extensions.DependencyInjection.ServiceCollectionServiceExtensions.AddScoped<ScopeAttributeCache>(services);
        Microsoft.Extensions.DependencyInjection.ServiceCollectionServiceExtensions.AddScoped<IShortTermCacheManager>(services,
            sp => Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions.GetRequiredService<ScopeAttributeCache>(sp));
        Microsoft.Extensions.DependencyInjection.ServiceCollectionServiceExtensions.AddTransient<IGenericAttributeService>(services, sp => CachesAttributesPerScope
            ? new ScopeCachedGenericAttributeService(this, Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions.GetRequiredService<ScopeAttributeCache>(sp), life)
            : attributes.Object);
        Add(services, Repository(() => Orders));
        Add(services, GenericAttributeRepository(life));
        Add(services, Repository(() => Customers));
        Add(services, Repository(() => Reviews));
        Add(services, Repository(() => BlogComments));
        Add(services, Repository(() => NewsComments));
        Add(services, Repository(() => Subscriptions));
        Add(services, SettingServiceMock());
        Add(services, CustomerServiceMock());
        Add(services, AddressServiceMock());
        Add(services, CountryServiceMock());
        Add(services, LanguageServiceMock());
        Add(services, ProductServiceMock());
        Add(services, CategoryServiceMock());
        Add(services, ManufacturerServiceMock());
        Add(services, StoreServiceMock());
        Add(services, CurrencyServiceMock());
        Add(services, LoggerMock());
        Add(services, WorkContextMock());
        Add(services, StoreContextMock());
        Add(services, StoreMappingServiceMock());
        Add(services, AclServiceMock());
        Add(services, ShoppingCartServiceMock());
        Add(services, OrderTotalCalculationServiceMock());
        Add(services, TaxServiceMock());
        Add(services, new Mock<IProductAttributeParser>());
        Add(services, LocalizationServiceMock());
        Add(services, CustomerActivityServiceMock());
        Add(services, PermissionServiceMock());
        Add(services, new Mock<INotificationService>());
        Add(services, GiftCardServiceMock());
        Add(services, PriceFormatterMock());
        Microsoft.Extensions.DependencyInjection.ServiceCollectionServiceExtensions.AddSingleton<ILocker>(services, new SharedLocker(this, life));
        Microsoft.Extensions.DependencyInjection.ServiceCollectionServiceExtensions.AddSingleton(services, CurrencySettings);
        Microsoft.Extensions.DependencyInjection.ServiceCollectionServiceExtensions.AddSingleton(services, AdminAreaSettings);
        Add(services, DateTimeHelperMock());
        Microsoft.Extensions.DependencyInjection.Extensions.ServiceCollectionDescriptorExtensions.TryAddSingleton<IHttpContextAccessor>(services, new StoreHttpContextAccessor(this));
        Add(services, WebHelperMock());
        // what nopCommerce's script tag helper is built with (every <script> of a view importing Nop.Web.Framework's helpers)
        Microsoft.Extensions.DependencyInjection.Extensions.ServiceCollectionDescriptorExtensions.TryAddSingleton(services, new Nop.Core.Configuration.AppSettings());
        Add(services, new Mock<Nop.Web.Framework.UI.INopHtmlHelper>());
        Add(services, new Mock<Nop.Web.Framework.WebOptimizer.INopAssetHelper>());
    }

    private readonly ConcurrentBag<Mock> _mocks = [];

    /// <summary>Moq records every call; long runs (the benchmarks' heap curve) forget them so only the plugin's memory is measured.</summary>
    public void ForgetMockInvocations()
    {
        foreach (var mock in _mocks)
            mock.Invocations.Clear();
    }

    private void Add<T>(Microsoft.Extensions.DependencyInjection.IServiceCollection services, Mock<T> mock) where T : class
    {
        _mocks.Add(mock);
        Microsoft.Extensions.DependencyInjection.ServiceCollectionServiceExtensions.AddSingleton(services, mock.Object);
    }

    private List<T> Snapshot<T>(List<T> list)
    {
        lock (_gate)
            return [.. list];
    }

    private Mock<IRepository<T>> Repository<T>(Func<List<T>> list) where T : BaseEntity
    {
        var mock = new Mock<IRepository<T>>();
        mock.SetupGet(r => r.Table).Returns(() => Snapshot(list()).AsQueryable());
        return mock;
    }

    /// <summary>
    /// nopCommerce's repository over the generic attribute table as a database gives it: each statement
    /// atomic (a conditional delete removes what it matched, once), a dead process writes nothing.
    /// </summary>
    private Mock<IRepository<GenericAttribute>> GenericAttributeRepository(ProcessLife life)
    {
        var mock = Repository(() => GenericAttributes);
        mock.Setup(r => r.InsertAsync(It.IsAny<GenericAttribute>(), It.IsAny<bool>())).Returns((GenericAttribute row, bool _) =>
        {
            if (life.IsDead)
                return Task.CompletedTask;
            lock (_gate)
            {
                row.Id = NextId();
                GenericAttributes.Add(Copy(row));
            }

            return Task.CompletedTask;
        });
        mock.Setup(r => r.UpdateAsync(It.IsAny<GenericAttribute>(), It.IsAny<bool>())).Returns((GenericAttribute row, bool _) =>
        {
            if (life.IsDead)
                return Task.CompletedTask;
            lock (_gate)
            {
                var index = GenericAttributes.FindIndex(a => a.Id == row.Id);
                if (index >= 0)
                    GenericAttributes[index] = Copy(row);
            }

            return Task.CompletedTask;
        });
        mock.Setup(r => r.DeleteAsync(It.IsAny<System.Linq.Expressions.Expression<Func<GenericAttribute, bool>>>())).Returns((System.Linq.Expressions.Expression<Func<GenericAttribute, bool>> predicate) =>
        {
            if (life.IsDead)
                return Task.FromResult(0);
            var matches = predicate.Compile();
            lock (_gate)
                return Task.FromResult(GenericAttributes.RemoveAll(a => matches(a)));
        });
        return mock;
    }

    // rows read through the repository are the reader's own copies, as rows read from a database are
    private static GenericAttribute Copy(GenericAttribute row) => new()
    {
        Id = row.Id,
        KeyGroup = row.KeyGroup,
        EntityId = row.EntityId,
        Key = row.Key,
        Value = row.Value,
        StoreId = row.StoreId,
        CreatedOrUpdatedDateUTC = row.CreatedOrUpdatedDateUTC,
    };

    private Mock<IOrderService> OrderServiceMock()
    {
        var mock = new Mock<IOrderService>();
        mock.Setup(s => s.GetOrderByIdAsync(It.IsAny<int>())).ReturnsAsync((int id) =>
        {
            lock (_gate)
                return _ordersById.GetValueOrDefault(id) ?? Orders.FirstOrDefault(o => o.Id == id)!;
        });
        mock.Setup(s => s.GetOrdersByIdsAsync(It.IsAny<int[]>())).ReturnsAsync((int[] ids) => (IList<Order>)Snapshot(Orders).Where(o => ids.Contains(o.Id)).ToList());
        mock.Setup(s => s.SearchOrdersAsync(It.IsAny<int>(), It.IsAny<int>(), It.IsAny<int>(), It.IsAny<int>(), It.IsAny<int>(), It.IsAny<int>(), It.IsAny<int>(), It.IsAny<string>(),
                It.IsAny<DateTime?>(), It.IsAny<DateTime?>(), It.IsAny<List<int>>(), It.IsAny<List<int>>(), It.IsAny<List<int>>(), It.IsAny<string>(), It.IsAny<string>(), It.IsAny<string>(),
                It.IsAny<string>(), It.IsAny<int>(), It.IsAny<int>(), It.IsAny<bool>()))
            .Returns(new InvocationFunc(invocation =>
            {
                var (customerId, productId) = ((int)invocation.Arguments[2], (int)invocation.Arguments[3]);
                var (osIds, psIds, pageSize) = ((List<int>?)invocation.Arguments[10], (List<int>?)invocation.Arguments[11], (int)invocation.Arguments[18]);
                var found = Snapshot(Orders).Where(o => (customerId == 0 || o.CustomerId == customerId) && (osIds is null || osIds.Contains((int)o.OrderStatus))
                    && (psIds is null || psIds.Contains((int)o.PaymentStatus)) && (productId == 0 || Snapshot(OrderItems).Any(i => i.OrderId == o.Id && i.ProductId == productId))).ToList();
                return Task.FromResult<IPagedList<Order>>(new PagedList<Order>(found, 0, Math.Max(1, pageSize), found.Count));
            }));
        mock.Setup(s => s.GetOrderItemsAsync(It.IsAny<int>(), null, null, 0)).ReturnsAsync((int id, bool? _, bool? _, int _) =>
        {
            lock (_gate)
                return (IList<OrderItem>)(_itemsByOrder.TryGetValue(id, out var items) ? [.. items] : OrderItems.Where(i => i.OrderId == id).ToList());
        });
        return mock;
    }

    /// <summary>The few resources of nopCommerce itself that the plugin's pages show.</summary>
    private static readonly Dictionary<string, string> _nopResources = new()
    {
        ["Admin.Common.Search"] = "Search",
        ["Admin.Plugins.Saved"] = "The plugin has been saved.",
    };

    // nopCommerce's Arabic language pack's values of the same keys
    private static readonly Dictionary<string, string> _nopArabicResources = new()
    {
        ["Admin.Common.Search"] = "بحث",
        ["Admin.Plugins.Saved"] = "تم حفظ الإضافة.",
    };

    /// <summary>The demo store's default language.</summary>
    public static Language English { get; } = new() { Id = 1, Name = "English", LanguageCulture = "en-US", UniqueSeoCode = "en", Published = true };

    /// <summary>A right-to-left language with the plugin's Arabic resources, as installed for an ar-* culture.</summary>
    public static Language Arabic { get; } = new() { Id = 2, Name = "العربية", LanguageCulture = "ar-EG", UniqueSeoCode = "ar", Rtl = true, Published = true };

    /// <summary>The key of <see cref="HttpContext.Items"/> where the demo store puts the request's working language.</summary>
    public const string LanguageItem = "demo-working-language";

    private static readonly HttpContextAccessor _currentRequest = new();

    /// <summary>The current request's working language (the demo store picks it per request); English outside a request.</summary>
    public static Language WorkingLanguage => _currentRequest.HttpContext?.Items[LanguageItem] as Language ?? English;

    /// <summary>As nopCommerce's WebHelper: the connection's remote address (forwarded headers applied by then), IPv6 loopback as 127.0.0.1.</summary>
    private static Mock<IWebHelper> WebHelperMock()
    {
        // every HttpContextAccessor reads the same async-local current request
        var accessor = new HttpContextAccessor();
        var mock = new Mock<IWebHelper>();
        mock.Setup(h => h.GetCurrentIpAddress()).Returns(() => accessor.HttpContext?.Connection.RemoteIpAddress is { } ip
            ? (ip.Equals(System.Net.IPAddress.IPv6Loopback) ? System.Net.IPAddress.Loopback : ip).ToString()
            : string.Empty);
        // as nopCommerce's WebHelper: jQuery's header (the one-page checkout's steps, re-rendered blocks)
        mock.Setup(h => h.IsAjaxRequest(It.IsAny<HttpRequest>())).Returns((HttpRequest r) => r.Headers.XRequestedWith == "XMLHttpRequest");
        return mock;
    }

    private Mock<IDateTimeHelper> DateTimeHelperMock()
    {
        var mock = new Mock<IDateTimeHelper>();
        mock.Setup(h => h.GetCurrentTimeZoneAsync()).ReturnsAsync(() => AdminTimeZone);
        mock.Setup(h => h.ConvertToUserTimeAsync(It.IsAny<DateTime>(), DateTimeKind.Utc))
            .ReturnsAsync((DateTime utc, DateTimeKind _) => DateTime.SpecifyKind(TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), AdminTimeZone), DateTimeKind.Unspecified));
        mock.Setup(h => h.ConvertToUtcTime(It.IsAny<DateTime>(), It.IsAny<TimeZoneInfo>()))
            .Returns((DateTime local, TimeZoneInfo zone) => TimeZoneInfo.ConvertTimeToUtc(DateTime.SpecifyKind(local, DateTimeKind.Unspecified), zone));
        return mock;
    }

    private Mock<IGenericAttributeService> GenericAttributeServiceMock(ProcessLife life)
    {
        var mock = new Mock<IGenericAttributeService>();
        mock.Setup(s => s.GetAttributeAsync(It.IsAny<BaseEntity>(), It.IsAny<string>(), It.IsAny<int>(), It.IsAny<string>()))
            .Returns(async (BaseEntity e, string key, int _, string defaultValue) =>
            {
                if (AttributeReadLatency > TimeSpan.Zero)
                    await Task.Delay(AttributeReadLatency);
                return Attribute(e, key) ?? defaultValue;
            });
        mock.Setup(s => s.SaveAttributeAsync(It.IsAny<BaseEntity>(), It.IsAny<string>(), It.IsAny<string>(), It.IsAny<int>()))
            .Returns((BaseEntity e, string key, string value, int storeId) =>
            {
                // a dead process writes nothing more
                if (life.IsDead)
                    return Task.CompletedTask;
                lock (_gate)
                {
                    var index = (e.GetType().Name, e.Id, key);
                    _attributes.TryGetValue(index, out var existing);
                    if (string.IsNullOrEmpty(value))
                    {
                        if (existing is not null)
                        {
                            GenericAttributes.Remove(existing);
                            _attributes.Remove(index);
                        }
                    }
                    else if (existing is not null)
                    {
                        existing.Value = value;
                        existing.CreatedOrUpdatedDateUTC = DateTime.UtcNow;
                    }
                    else
                    {
                        var added = new GenericAttribute { Id = NextId(), KeyGroup = e.GetType().Name, EntityId = e.Id, Key = key, Value = value, StoreId = storeId, CreatedOrUpdatedDateUTC = DateTime.UtcNow };
                        GenericAttributes.Add(added);
                        _attributes[index] = added;
                    }
                }

                return Task.CompletedTask;
            });
        return mock;
    }

    private Mock<ISettingService> SettingServiceMock()
    {
        var mock = new Mock<ISettingService>();
        mock.Setup(s => s.LoadSettingAsync<GameballSettings>(It.IsAny<int>())).ReturnsAsync((int storeId) => SettingsOf(storeId));
        mock.Setup(s => s.SettingExistsAsync(It.IsAny<GameballSettings>(), It.IsAny<System.Linq.Expressions.Expression<Func<GameballSettings, It.IsAnyType>>>(), It.IsAny<int>()))
            .ReturnsAsync((GameballSettings _, object _, int storeId) => Settings.ContainsKey(storeId) && storeId > 0);
        mock.Setup(s => s.SaveSettingOverridablePerStoreAsync(It.IsAny<GameballSettings>(), It.IsAny<System.Linq.Expressions.Expression<Func<GameballSettings, It.IsAnyType>>>(),
                It.IsAny<bool>(), It.IsAny<int>(), It.IsAny<bool>()))
            .Callback((GameballSettings settings, object selector, bool _, int storeId, bool _) =>
            {
                SavedSettingNames.Enqueue(selector.ToString()!);
                Settings[storeId] = settings;
            })
            .Returns(Task.CompletedTask);
        return mock;
    }

    private Mock<ICustomerService> CustomerServiceMock()
    {
        var mock = new Mock<ICustomerService>();
        mock.Setup(s => s.GetCustomerByIdAsync(It.IsAny<int>())).ReturnsAsync((int id) => Snapshot(Customers).FirstOrDefault(c => c.Id == id)!);
        mock.Setup(s => s.GetCustomerByEmailAsync(It.IsAny<string>())).ReturnsAsync((string email) =>
            Snapshot(Customers).FirstOrDefault(c => !c.Deleted && string.Equals(c.Email, email, StringComparison.OrdinalIgnoreCase))!);
        mock.Setup(s => s.IsRegisteredAsync(It.IsAny<Customer>(), true)).ReturnsAsync((Customer c, bool _) => RegisteredCustomerIds.Contains(c.Id));
        mock.Setup(s => s.IsGuestAsync(It.IsAny<Customer>(), true)).ReturnsAsync((Customer c, bool _) => !RegisteredCustomerIds.Contains(c.Id));
        mock.Setup(s => s.GetCustomerBillingAddressAsync(It.IsAny<Customer>())).ReturnsAsync((Customer c) =>
            Snapshot(Addresses).FirstOrDefault(a => a.Id == c.BillingAddressId)!);
        mock.Setup(s => s.ParseAppliedGiftCardCouponCodesAsync(It.IsAny<Customer>())).ReturnsAsync((Customer c) =>
        {
            lock (_gate)
                return AppliedGiftCardCodes.TryGetValue(c.Id, out var codes) ? codes.ToArray() : [];
        });
        mock.Setup(s => s.ApplyGiftCardCouponCodeAsync(It.IsAny<Customer>(), It.IsAny<string>())).Returns((Customer c, string code) =>
        {
            lock (_gate)
            {
                var codes = AppliedGiftCardCodes.GetOrAdd(c.Id, _ => []);
                if (!codes.Contains(code, StringComparer.OrdinalIgnoreCase))
                    codes.Add(code);
            }

            return Task.CompletedTask;
        });
        mock.Setup(s => s.RemoveGiftCardCouponCodeAsync(It.IsAny<Customer>(), It.IsAny<string>())).Returns((Customer c, string code) =>
        {
            lock (_gate)
            {
                if (AppliedGiftCardCodes.TryGetValue(c.Id, out var codes))
                    codes.RemoveAll(x => string.Equals(x, code, StringComparison.OrdinalIgnoreCase));
            }

            return Task.CompletedTask;
        });
        return mock;
    }

    private Mock<IGiftCardService> GiftCardServiceMock()
    {
        var mock = new Mock<IGiftCardService>();
        mock.Setup(s => s.InsertGiftCardAsync(It.IsAny<GiftCard>())).Returns((GiftCard card) =>
        {
            card.Id = NextId();
            lock (_gate)
                GiftCards.Add(card);
            return Task.CompletedTask;
        });
        mock.Setup(s => s.UpdateGiftCardAsync(It.IsAny<GiftCard>())).Returns(Task.CompletedTask);
        mock.Setup(s => s.DeleteGiftCardAsync(It.IsAny<GiftCard>())).Returns((GiftCard card) =>
        {
            lock (_gate)
                GiftCards.Remove(card);
            return Task.CompletedTask;
        });
        mock.Setup(s => s.GetGiftCardByIdAsync(It.IsAny<int>())).ReturnsAsync((int id) => Snapshot(GiftCards).FirstOrDefault(g => g.Id == id)!);
        mock.Setup(s => s.GetGiftCardRemainingAmountAsync(It.IsAny<GiftCard>())).ReturnsAsync((GiftCard card) => RemainingOf(card));
        mock.Setup(s => s.GetGiftCardUsageHistoryAsync(It.IsAny<GiftCard>())).ReturnsAsync((GiftCard card) =>
            (IList<GiftCardUsageHistory>)Snapshot(GiftCardUsages).Where(u => u.GiftCardId == card.Id).ToList());
        mock.Setup(s => s.GetGiftCardUsageHistoryAsync(It.IsAny<Order>())).ReturnsAsync((Order order) =>
            (IList<GiftCardUsageHistory>)Snapshot(GiftCardUsages).Where(u => u.UsedWithOrderId == order.Id).ToList());
        mock.Setup(s => s.GetActiveGiftCardsAppliedByCustomerAsync(It.IsAny<Customer>())).ReturnsAsync((Customer c) => (IList<GiftCard>)ActiveGiftCardsOf(c).ToList());
        return mock;
    }

    private static Mock<IPriceFormatter> PriceFormatterMock()
    {
        var mock = new Mock<IPriceFormatter>();
        mock.Setup(s => s.FormatPriceAsync(It.IsAny<decimal>())).ReturnsAsync((decimal price) => price.ToString("C2", System.Globalization.CultureInfo.GetCultureInfo("en-US")));
        mock.Setup(s => s.FormatPriceAsync(It.IsAny<decimal>(), true, It.IsAny<Currency>()))
            .ReturnsAsync((decimal price, bool _, Currency currency) => price.ToString("C2", System.Globalization.CultureInfo.GetCultureInfo(currency.DisplayLocale)));
        return mock;
    }

    private Mock<ICountryService> CountryServiceMock()
    {
        var mock = new Mock<ICountryService>();
        mock.Setup(s => s.GetCountryByIdAsync(It.IsAny<int>())).ReturnsAsync((int id) => Snapshot(Countries).FirstOrDefault(c => c.Id == id)!);
        return mock;
    }

    private Mock<ILanguageService> LanguageServiceMock()
    {
        var mock = new Mock<ILanguageService>();
        mock.Setup(s => s.GetLanguageByIdAsync(It.IsAny<int>())).ReturnsAsync((int id) => Snapshot(Languages).FirstOrDefault(l => l.Id == id)!);
        mock.Setup(s => s.GetAllLanguagesAsync(It.IsAny<bool>(), It.IsAny<int>())).ReturnsAsync(() => (IList<Language>)Snapshot(Languages));
        return mock;
    }

    private Mock<IAddressService> AddressServiceMock()
    {
        var mock = new Mock<IAddressService>();
        mock.Setup(s => s.GetAddressByIdAsync(It.IsAny<int>())).ReturnsAsync((int id) =>
        {
            lock (_gate)
                return _addressesById.GetValueOrDefault(id) ?? Addresses.FirstOrDefault(a => a.Id == id)!;
        });
        return mock;
    }

    private Mock<IProductService> ProductServiceMock()
    {
        var mock = new Mock<IProductService>();
        mock.Setup(s => s.GetProductByIdAsync(It.IsAny<int>())).ReturnsAsync((int id) => Snapshot(Products).FirstOrDefault(p => p.Id == id)!);
        mock.Setup(s => s.GetProductsByIdsAsync(It.IsAny<int[]>())).ReturnsAsync((int[] ids) => (IList<Product>)Snapshot(Products).Where(p => ids.Contains(p.Id)).ToList());
        // as nopCommerce documents it: a comma-separated list, entries that are not numbers ignored, empty when any quantity goes
        mock.Setup(s => s.ParseAllowedQuantities(It.IsAny<Product>())).Returns((Product p) =>
            [.. (p.AllowedQuantities ?? string.Empty).Split(',').Select(q => int.TryParse(q.Trim(), out var n) ? n : (int?)null).OfType<int>()]);
        return mock;
    }

    private Mock<ICategoryService> CategoryServiceMock()
    {
        var mock = new Mock<ICategoryService>();
        mock.Setup(s => s.GetProductCategoryIdsAsync(It.IsAny<int[]>()))
            .ReturnsAsync((int[] ids) => (IDictionary<int, int[]>)ids.Where(ProductCategories.ContainsKey).ToDictionary(id => id, id => ProductCategories[id]));
        mock.Setup(s => s.GetCategoriesByIdsAsync(It.IsAny<int[]>())).ReturnsAsync((int[] ids) => (IList<Category>)Snapshot(Categories).Where(c => ids.Contains(c.Id)).ToList());
        return mock;
    }

    private Mock<IManufacturerService> ManufacturerServiceMock()
    {
        var mock = new Mock<IManufacturerService>();
        mock.Setup(s => s.GetProductManufacturersByProductIdAsync(It.IsAny<int>(), It.IsAny<bool>()))
            .ReturnsAsync((int id, bool _) => (IList<ProductManufacturer>)Snapshot(ProductManufacturers).Where(m => m.ProductId == id).ToList());
        mock.Setup(s => s.GetManufacturersByIdsAsync(It.IsAny<int[]>())).ReturnsAsync((int[] ids) => (IList<Manufacturer>)Snapshot(Manufacturers).Where(m => ids.Contains(m.Id)).ToList());
        return mock;
    }

    private Mock<IStoreService> StoreServiceMock()
    {
        var mock = new Mock<IStoreService>();
        mock.Setup(s => s.GetAllStoresAsync()).ReturnsAsync(() => (IList<Store>)Snapshot(Stores));
        mock.Setup(s => s.GetStoreByIdAsync(It.IsAny<int>())).ReturnsAsync((int id) => Snapshot(Stores).FirstOrDefault(s => s.Id == id)!);
        return mock;
    }

    private static Mock<ICurrencyService> CurrencyServiceMock()
    {
        var mock = new Mock<ICurrencyService>();
        mock.Setup(s => s.GetCurrencyByIdAsync(1)).ReturnsAsync(new Currency { Id = 1, CurrencyCode = "USD", Name = "US Dollar", Rate = 1, DisplayLocale = "en-US", Published = true });
        mock.Setup(s => s.ConvertFromPrimaryStoreCurrencyAsync(It.IsAny<decimal>(), It.IsAny<Currency>())).ReturnsAsync((decimal amount, Currency c) => amount * (c?.Rate is > 0 ? c.Rate : 1));
        return mock;
    }

    private Mock<ILogger> LoggerMock()
    {
        var mock = new Mock<ILogger>();
        mock.Setup(l => l.InsertLogAsync(It.IsAny<LogLevel>(), It.IsAny<string>(), It.IsAny<string>(), null))
            .Callback((LogLevel level, string shortMessage, string full, Customer _) => NopLog.Enqueue($"{level}: {shortMessage} {full}"))
            .Returns(Task.CompletedTask);
        mock.Setup(l => l.WarningAsync(It.IsAny<string>(), It.IsAny<Exception>(), null))
            .Callback((string message, Exception e, Customer _) => NopLog.Enqueue($"Warning: {message} {e}")).Returns(Task.CompletedTask);
        mock.Setup(l => l.ErrorAsync(It.IsAny<string>(), It.IsAny<Exception>(), null))
            .Callback((string message, Exception e, Customer _) => NopLog.Enqueue($"Error: {message} {e}")).Returns(Task.CompletedTask);
        return mock;
    }

    private Mock<IWorkContext> WorkContextMock()
    {
        var mock = new Mock<IWorkContext>();
        mock.Setup(w => w.GetCurrentCustomerAsync()).ReturnsAsync(() => CurrentCustomer!);
        mock.Setup(w => w.GetWorkingLanguageAsync()).ReturnsAsync(() => WorkingLanguage);
        mock.Setup(w => w.GetWorkingCurrencyAsync()).ReturnsAsync(new Currency { Id = 1, CurrencyCode = "USD", Name = "US Dollar", Rate = 1, DisplayLocale = "en-US", Published = true });
        return mock;
    }

    private Mock<IStoreContext> StoreContextMock()
    {
        var mock = new Mock<IStoreContext>();
        mock.Setup(s => s.GetCurrentStoreAsync()).ReturnsAsync(() => Snapshot(Stores).First(s => s.Id == CurrentStoreId));
        mock.Setup(s => s.GetActiveStoreScopeConfigurationAsync()).ReturnsAsync(() => ActiveStoreScope);
        return mock;
    }

    private Mock<IStoreMappingService> StoreMappingServiceMock()
    {
        var mock = new Mock<IStoreMappingService>();
        mock.Setup(s => s.AuthorizeAsync(It.IsAny<Product>())).ReturnsAsync((Product p) => !ProductsHiddenFromStore.Contains(p.Id));
        return mock;
    }

    private static Mock<IAclService> AclServiceMock()
    {
        var mock = new Mock<IAclService>();
        mock.Setup(s => s.AuthorizeAsync(It.IsAny<Product>())).ReturnsAsync(true);
        return mock;
    }

    private Mock<IShoppingCartService> ShoppingCartServiceMock()
    {
        var mock = new Mock<IShoppingCartService>();
        mock.Setup(s => s.GetUnitPriceAsync(It.IsAny<Product>(), It.IsAny<Customer>(), It.IsAny<Store>(), It.IsAny<ShoppingCartType>(), It.IsAny<int>(),
                It.IsAny<string>(), It.IsAny<decimal>(), It.IsAny<DateTime?>(), It.IsAny<DateTime?>(), true))
            .ReturnsAsync((Product p, Customer _, Store _, ShoppingCartType _, int _, string _, decimal _, DateTime? _, DateTime? _, bool _) => (p.Price, 0m, new List<Discount>()));
        mock.Setup(s => s.GetShoppingCartAsync(It.IsAny<Customer>(), ShoppingCartType.ShoppingCart, It.IsAny<int>(), null, null, null, null))
            .ReturnsAsync((Customer c, ShoppingCartType? _, int _, int? _, DateTime? _, DateTime? _, int? _) => (IList<ShoppingCartItem>)Snapshot(Cart).Where(i => i.CustomerId == c.Id).ToList());
        mock.Setup(s => s.GetSubTotalAsync(It.IsAny<ShoppingCartItem>(), true))
            .ReturnsAsync((ShoppingCartItem i, bool _) => (PriceOf(i) * i.Quantity, 0m, new List<Discount>(), (int?)null));
        return mock;
    }

    private decimal PriceOf(ShoppingCartItem item) => Snapshot(Products).First(p => p.Id == item.ProductId).Price * TaxFactor;

    private Mock<IOrderTotalCalculationService> OrderTotalCalculationServiceMock()
    {
        var mock = new Mock<IOrderTotalCalculationService>();
        mock.Setup(s => s.GetShoppingCartSubTotalAsync(It.IsAny<IList<ShoppingCartItem>>(), true))
            .ReturnsAsync((IList<ShoppingCartItem> cart, bool _) =>
            {
                var subtotal = cart.Sum(i => PriceOf(i) * i.Quantity);
                return (0m, new List<Discount>(), subtotal, subtotal, new SortedDictionary<decimal, decimal>());
            });
        mock.Setup(s => s.GetShoppingCartTotalAsync(It.IsAny<IList<ShoppingCartItem>>(), null, true))
            .ReturnsAsync((IList<ShoppingCartItem> cart, bool? _, bool _) =>
            {
                // shipping is not known (GetShoppingCartShippingTotalAsync answers null), so as in nopCommerce there is no
                // total yet, but the applied gift cards are
                var customer = cart.Count == 0 ? null : Snapshot(Customers).FirstOrDefault(c => c.Id == cart[0].CustomerId);
                var giftCards = customer is null ? [] : AppliedGiftCardsOf(customer, cart.Sum(i => PriceOf(i) * i.Quantity));
                return ((decimal?)null, 0m, new List<Discount>(), giftCards, 0, 0m);
            });
        mock.Setup(s => s.GetShoppingCartShippingTotalAsync(It.IsAny<IList<ShoppingCartItem>>())).ReturnsAsync((decimal?)null);
        return mock;
    }

    private static Mock<ITaxService> TaxServiceMock()
    {
        var mock = new Mock<ITaxService>();
        mock.Setup(s => s.GetProductPriceAsync(It.IsAny<Product>(), It.IsAny<decimal>())).ReturnsAsync((Product _, decimal price) => (price * TaxFactor, 10m));
        return mock;
    }

    private static Mock<ILocalizationService> LocalizationServiceMock()
    {
        var mock = new Mock<ILocalizationService>();
        mock.Setup(s => s.GetResourceAsync(It.IsAny<string>())).ReturnsAsync((string key) => WorkingLanguage == Arabic
            ? GameballLocaleResources.Arabic.TryGetValue(key, out var arabic) ? arabic : _nopArabicResources.GetValueOrDefault(key, key)
            : GameballLocaleResources.English.TryGetValue(key, out var value) ? value : _nopResources.GetValueOrDefault(key, key));
        return mock;
    }

    private Mock<ICustomerActivityService> CustomerActivityServiceMock()
    {
        var mock = new Mock<ICustomerActivityService>();
        mock.Setup(s => s.InsertActivityAsync(It.IsAny<string>(), It.IsAny<string>(), It.IsAny<BaseEntity>()))
            .Callback((string keyword, string comment, BaseEntity entity) => Activities.Enqueue((keyword, comment, entity?.Id)))
            .ReturnsAsync((ActivityLog)null!);
        mock.Setup(s => s.InsertActivityAsync(It.IsAny<Customer>(), It.IsAny<string>(), It.IsAny<string>(), It.IsAny<BaseEntity>()))
            .Callback((Customer actor, string keyword, string comment, BaseEntity entity) =>
            {
                ActivityActors.Enqueue(actor.Id);
                Activities.Enqueue((keyword, comment, entity?.Id));
            })
            .ReturnsAsync((ActivityLog)null!);
        return mock;
    }

    private Mock<IPermissionService> PermissionServiceMock()
    {
        var mock = new Mock<IPermissionService>();
        mock.Setup(s => s.AuthorizeAsync(It.IsAny<string>())).ReturnsAsync((string permission) => GrantedPermissions.Contains(permission));
        return mock;
    }

    /// <summary>The locks a restarted single node forgets (nopCommerce's in-memory locker lives in the process).</summary>
    public void ForgetLocks()
    {
        lock (_locks)
            _locks.Clear();
    }

    private readonly Dictionary<string, DateTime> _locks = [];

    /// <summary>
    /// The locker as nopCommerce 4.90's distributed cache gives it (DistributedCacheLocker): it reads the
    /// key, then sets it, not atomically, so two nodes can both take it; and it removes the key when done,
    /// whoever set it last.
    /// </summary>
    public bool LockerReadsThenSets { get; set; }

    /// <summary>
    /// nopCommerce's locker as the distributed cache gives it to every node (and host) over this store: a
    /// resource held by someone else is not waited for, a lock expires after its expiration time, and a
    /// dead process never releases what it held.
    /// </summary>
    private sealed class SharedLocker : ILocker
    {
        private readonly InMemoryNopStore _store;
        private readonly ProcessLife _life;

        public SharedLocker(InMemoryNopStore store, ProcessLife life)
        {
            _store = store;
            _life = life;
        }

        public async Task<bool> PerformActionWithLockAsync(string resource, TimeSpan expirationTime, Func<Task> action)
        {
            var now = _store.LockClock.GetUtcNow().UtcDateTime;
            if (_store.LockerReadsThenSets)
            {
                // nopCommerce's DistributedCacheLocker: a read, a round trip to the cache, then a write
                lock (_store._locks)
                {
                    if (_store._locks.TryGetValue(resource, out var held) && held > now)
                        return false;
                }

                await Task.Delay(1);
                lock (_store._locks)
                    _store._locks[resource] = now + expirationTime;
            }
            else
            {
                lock (_store._locks)
                {
                    if (_store._locks.TryGetValue(resource, out var until) && until > now)
                        return false;
                    _store._locks[resource] = now + expirationTime;
                }
            }

            try
            {
                await action();
                return true;
            }
            finally
            {
                if (!_life.IsDead)
                {
                    lock (_store._locks)
                        _store._locks.Remove(resource);
                }
            }
        }
    }
}

/// <summary>
/// Whether the process a host stands for is alive. Killing it is kill -9 as far as the shared world can
/// tell: nothing it does afterwards reaches the store, and the locks it held stay until they expire.
/// </summary>
public sealed class ProcessLife
{
    private volatile bool _dead;

    public bool IsDead => _dead;

    public void Kill() => _dead = true;
}

/// <summary>ASP.NET Core's accessor, unless a test has put a storefront request in <see cref="InMemoryNopStore.CurrentHttpContext"/>.</summary>
internal sealed class StoreHttpContextAccessor(InMemoryNopStore store) : IHttpContextAccessor
{
    private readonly HttpContextAccessor _inner = new();

    public HttpContext? HttpContext
    {
        get => store.CurrentHttpContext ?? _inner.HttpContext;
        set => _inner.HttpContext = value;
    }
}
