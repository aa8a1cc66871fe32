namespace Nop.Core.Configuration;

public partial class AppSettings
{
    protected readonly Dictionary<Type, IConfig> _configurations;

    public AppSettings(IList<IConfig> configurations = null)
    {
        _configurations = configurations?.ToDictionary(c => c.GetType()) ?? [];
    }

    public virtual TConfig Get<TConfig>() where TConfig : class, IConfig =>
        _configurations.TryGetValue(typeof(TConfig), out var found) && found is TConfig config
            ? config
            : throw new InvalidOperationException($"No configuration of type {typeof(TConfig)}.");
}
