namespace Nop.Plugin.Misc.Gameball.Services.Actions;

/// <summary>The non-order actions of a customer that can earn in Gameball; persisted by name.</summary>
public enum GameballAction
{
    Registration,
    Newsletter,
    Review,
    BlogComment,
    NewsComment,
    Birthday
}
