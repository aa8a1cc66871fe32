namespace Nop.Core.Domain.Localization;

public partial interface ILocalizedEntity
{
}
