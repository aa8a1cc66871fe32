namespace Nop.Core.Domain.Catalog;

public enum GiftCardType
{
    Virtual = 0,

    Physical = 1,
}
