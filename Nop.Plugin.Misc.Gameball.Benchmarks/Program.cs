using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using Nop.Plugin.Misc.Gameball.Benchmarks;

// dotnet run -c Release --project Nop.Plugin.Misc.Gameball.Benchmarks -- [all|bdn|load|actions|widget|preview|onboarding|farm|redemption] [--out BENCHMARKS.md]
var mode = args.FirstOrDefault(a => !a.StartsWith("--", StringComparison.Ordinal)) ?? "all";
var outIndex = Array.IndexOf(args, "--out");
var output = outIndex >= 0 && outIndex + 1 < args.Length ? args[outIndex + 1] : Path.Combine(RepositoryRoot(), "BENCHMARKS.md");

var report = new BenchmarkReport();
if (mode is "all" or "bdn" or "actions" or "widget" or "preview")
{
    // in-process: the machines here run net9.0 code on the .NET 10 runtime, which a generated child project would not
    var config = ManualConfig.Create(DefaultConfig.Instance)
        .AddJob(Job.ShortRun.WithToolchain(InProcessEmitToolchain.Instance))
        .WithOptions(ConfigOptions.DisableOptimizationsValidator);
    Type[] benchmarks = mode switch
    {
        "actions" => [typeof(ActionConsumerBenchmarks)],
        "widget" => [typeof(WidgetBenchmarks)],
        "preview" => [typeof(PreviewBenchmarks)],
        _ => [typeof(CheckoutBenchmarks), typeof(ActionConsumerBenchmarks), typeof(PayloadBenchmarks), typeof(PreviewBenchmarks), typeof(WidgetBenchmarks)],
    };
    foreach (var summary in BenchmarkRunner.Run(benchmarks, config))
        report.AddBenchmarkDotNet(summary);
}

if (mode is "all" or "widget")
{
    Console.WriteLine("widget per page view, percentiles…");
    report.Add("Widget per page view (p50/p99 over 100,000 calls each)", WidgetBenchmarks.Percentiles());
}

if (mode is "all" or "load")
    await LoadHarness.RunAsync(report);

if (mode is "all" or "onboarding")
    await OnboardingHarness.RunAsync(report);

if (mode is "all" or "farm")
    await FarmHarness.RunAsync(report);

if (mode is "all" or "redemption")
    await RedemptionHarness.RunAsync(report);

report.Write(output, string.Join(' ', args));
Console.WriteLine($"Wrote {output}");

static string RepositoryRoot()
{
    for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
    {
        if (File.Exists(Path.Combine(dir.FullName, "Nop.Plugin.Misc.Gameball.sln")))
            return dir.FullName;
    }

    return Directory.GetCurrentDirectory();
}
