using System.Runtime.InteropServices;
using System.Text;
using BenchmarkDotNet.Exporters;
using BenchmarkDotNet.Loggers;
using BenchmarkDotNet.Reports;

namespace Nop.Plugin.Misc.Gameball.Benchmarks;

/// <summary>Collects the figures of one run and writes BENCHMARKS.md.</summary>
public sealed class BenchmarkReport
{
    private const string ReadingGuide = "The BenchmarkDotNet \"widget render\" row is the view component preparing the placeholder (what the widget adds to a product page besides rendering one small view); the \"cache hit\" row is the preview service without MVC. Targets (issue 7): consumer ≤ 50 µs p99 and ≥ 1000× below the baseline; a 1,000-line payload under 2 MB; drain ≥ 95 % of 12 orders/s with no 429; preview hit ≤ 1 ms p99; 200 concurrent previews → 1 upstream call; a flat dispatcher heap.";

    private readonly List<(string Title, string Body)> _sections = [];

    public void Add(string title, string body) => _sections.Add((title, body));

    public void AddBenchmarkDotNet(Summary summary)
    {
        var logger = new AccumulationLogger();
        MarkdownExporter.GitHub.ExportToLog(summary, logger);
        Add("BenchmarkDotNet: " + summary.Title.Split('-')[0], logger.GetLog());
    }

    public void Write(string path, string arguments)
    {
        var text = new StringBuilder();
        text.AppendLine("# Benchmarks");
        text.AppendLine();
        text.AppendLine("Measured, not asserted: no test checks a timing. Each figure comes with a baseline measured in the same run.");
        text.AppendLine();
        text.AppendLine("Reproduce (Release, about 10 minutes on 2 cores; writes this file):");
        text.AppendLine();
        text.AppendLine("```sh");
        text.AppendLine($"dotnet run -c Release --project Nop.Plugin.Misc.Gameball.Benchmarks -- {(string.IsNullOrWhiteSpace(arguments) ? "all" : arguments)}");
        text.AppendLine("```");
        text.AppendLine();
        text.AppendLine($"Machine: {Environment.ProcessorCount} cores, {RuntimeInformation.OSDescription}, {RuntimeInformation.ProcessArchitecture}, " +
            $".NET {Environment.Version} (the plugin targets net9.0), {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC. Gameball is the fake on loopback.");
        text.AppendLine();
        text.AppendLine(ReadingGuide);
        text.AppendLine();
        foreach (var (title, body) in _sections)
        {
            text.AppendLine($"## {title}");
            text.AppendLine();
            text.AppendLine(body.Trim());
            text.AppendLine();
        }

        File.WriteAllText(path, text.ToString());
    }
}
