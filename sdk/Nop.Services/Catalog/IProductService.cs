using Nop.Core.Domain.Catalog;

namespace Nop.Services.Catalog;

public partial interface IProductService
{
    Task<Product> GetProductByIdAsync(int productId);
    Task<IList<Product>> GetProductsByIdsAsync(int[] productIds);
    int[] ParseAllowedQuantities(Product product);
}
