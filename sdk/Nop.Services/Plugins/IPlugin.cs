namespace Nop.Services.Plugins;

public partial interface IPlugin
{
    string GetConfigurationPageUrl();
    PluginDescriptor PluginDescriptor { get; set; }
    Task InstallAsync();
    Task InstallSampleDataAsync();
    Task UninstallAsync();
    Task UpdateAsync(string currentVersion, string targetVersion);
    Task PreparePluginToUninstallAsync();
}
