namespace Nop.Plugin.Misc.Gameball.Models;

/// <summary>The widget of one page view: GbSdk.init's options as script-safe JSON, and the loader's address.</summary>
public sealed record GameballWidgetModel(string ConfigJson, string ScriptUrl);
