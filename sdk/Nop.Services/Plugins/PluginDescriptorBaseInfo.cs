using Newtonsoft.Json;

namespace Nop.Services.Plugins;

public partial class PluginDescriptorBaseInfo : IComparable<PluginDescriptorBaseInfo>
{
    [JsonProperty(PropertyName = "SystemName")]
    public virtual string SystemName { get; set; }

    [JsonProperty(PropertyName = "Version")]
    public virtual string Version { get; set; }

    public int CompareTo(PluginDescriptorBaseInfo other) => string.Compare(SystemName, other?.SystemName, StringComparison.Ordinal);
}
