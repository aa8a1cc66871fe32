using Newtonsoft.Json;

namespace Nop.Services.Plugins;

public partial class PluginDescriptor : PluginDescriptorBaseInfo, IDescriptor, IComparable<PluginDescriptor>
{
    public PluginDescriptor()
    {
        SupportedVersions = [];
        LimitedToStores = [];
        LimitedToCustomerRoles = [];
        DependsOn = [];
    }

    public static PluginDescriptor GetPluginDescriptorFromText(string text)
    {
        if (string.IsNullOrEmpty(text))
            return new PluginDescriptor();

        return JsonConvert.DeserializeObject<PluginDescriptor>(text);
    }

    public int CompareTo(PluginDescriptor other) => DisplayOrder.CompareTo(other?.DisplayOrder ?? 0);

    [JsonProperty(PropertyName = "Group")]
    public virtual string Group { get; set; }

    [JsonProperty(PropertyName = "FriendlyName")]
    public virtual string FriendlyName { get; set; }

    [JsonProperty(PropertyName = "SupportedVersions")]
    public virtual IList<string> SupportedVersions { get; set; }

    [JsonProperty(PropertyName = "Author")]
    public virtual string Author { get; set; }

    [JsonProperty(PropertyName = "DisplayOrder")]
    public virtual int DisplayOrder { get; set; }

    [JsonProperty(PropertyName = "FileName")]
    public virtual string AssemblyFileName { get; set; }

    [JsonProperty(PropertyName = "Description")]
    public virtual string Description { get; set; }

    [JsonProperty(PropertyName = "LimitedToStores")]
    public virtual IList<int> LimitedToStores { get; set; }

    [JsonProperty(PropertyName = "LimitedToCustomerRoles")]
    public virtual IList<int> LimitedToCustomerRoles { get; set; }

    [JsonProperty(PropertyName = "DependsOnSystemNames")]
    public virtual IList<string> DependsOn { get; set; }

    [JsonIgnore]
    public virtual bool Installed { get; set; }
}
