using System.ComponentModel;

namespace Nop.Web.Framework.Mvc.ModelBinding;

public sealed class NopResourceDisplayNameAttribute : DisplayNameAttribute, IModelAttribute
{
    public NopResourceDisplayNameAttribute(string resourceKey) : base(resourceKey)
    {
        ResourceKey = resourceKey;
    }

    public string ResourceKey { get; set; }

    // the host resolves the resource in the working language; the stand-in shows the key
    public override string DisplayName => ResourceKey;

    public string Name => nameof(NopResourceDisplayNameAttribute);
}
