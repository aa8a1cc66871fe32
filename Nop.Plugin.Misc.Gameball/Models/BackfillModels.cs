using Nop.Web.Framework.Models;

namespace Nop.Plugin.Misc.Gameball.Models;

/// <summary>The backfill page: the date orders are sent from, and whether profiles can be sent.</summary>
public record BackfillPageModel : BaseNopModel
{
    public DateTime OrdersPaidSince { get; set; }

    public bool ProfilesEnabled { get; set; }
}
