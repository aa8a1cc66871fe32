using Nop.Core.Domain.Catalog;

namespace Nop.Services.Catalog;

public partial interface ICategoryService
{
    Task<IDictionary<int, int[]>> GetProductCategoryIdsAsync(int[] productIds);
    Task<IList<Category>> GetCategoriesByIdsAsync(int[] categoryIds);
}
