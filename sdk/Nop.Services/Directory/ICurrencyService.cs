using Nop.Core.Domain.Directory;

namespace Nop.Services.Directory;

public partial interface ICurrencyService
{
    Task<Currency> GetCurrencyByIdAsync(int currencyId);
}
