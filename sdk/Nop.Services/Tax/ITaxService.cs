using Nop.Core.Domain.Catalog;

namespace Nop.Services.Tax;

public partial interface ITaxService
{
    Task<(decimal price, decimal taxRate)> GetProductPriceAsync(Product product, decimal price);
}
