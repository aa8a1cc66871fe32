using Nop.Core.Domain.Catalog;

namespace Nop.Services.Catalog;

public partial interface IManufacturerService
{
    Task<IList<Manufacturer>> GetManufacturersByIdsAsync(int[] manufacturerIds);
    Task<IList<ProductManufacturer>> GetProductManufacturersByProductIdAsync(int productId, bool showHidden = false);
}
