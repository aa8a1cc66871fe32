namespace Nop.Core.Configuration;

public partial interface IConfig
{
    string Name => GetType().Name;

    public int GetOrder() => 1;
}
