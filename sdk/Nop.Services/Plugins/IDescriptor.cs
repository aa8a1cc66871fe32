namespace Nop.Services.Plugins;

public partial interface IDescriptor
{
    string SystemName { get; set; }
    string FriendlyName { get; set; }
}
