namespace Nop.Plugin.Misc.Gameball.Services.Actions;

/// <summary>What the plugin does when a customer performs a non-order action; persisted by name in the settings.</summary>
public enum ActionRewardMode
{
    Off = 0,

    /// <summary>Reported with <c>POST /events</c>: Gameball's own challenges decide the reward.</summary>
    Event = 1,

    /// <summary>An amount in the primary currency, awarded with <c>POST /transactions/cashback</c>.</summary>
    Cashback = 2
}
