using System.Diagnostics;
using McsOps.Benchmarks.Harness;
using McsOps.Benchmarks.Rows;
using McsOps.Benchmarks.Run;

namespace McsOps.Benchmarks;

/// <summary>
/// <c>run --scale facility|region [--only NAME[,NAME]] [--json FILE]</c>: generates or reuses the
/// data set, runs the rows in table order against fresh temporary data directories and prints
/// the table. Exit 0 when every row ran (a missed target is reported, not fatal), 1 when a row
/// could not run, 2 for bad arguments.
/// </summary>
internal static class RunVerb
{
    public const string Usage = "McsOps.Benchmarks run --scale <facility|region> [--only NAME[,NAME]] [--json FILE]";

    public static int Run(IReadOnlyList<string> args)
    {
        if (RunOptions.Parse(args, BenchmarkCatalog.All, out var error) is not { } options)
        {
            Console.Error.WriteLine($"{error}\nusage: {Usage}");
            return 2;
        }

        var started = TimeProvider.System.GetUtcNow();
        var clock = Stopwatch.StartNew();
        var repo = RepoRoot.Find();
        var machine = MachineInfo.Current(repo);
        var cacheRoot = Path.Combine(repo ?? Path.GetTempPath(), ".bench");
        var (dataSet, reused) = DataSetCache.Ensure(options.Scale, cacheRoot);
        Log($"data set: {dataSet} ({(reused ? "reused" : "generated")})");

        var rows = new List<BenchmarkRow>();
        var failed = false;
        using (var context = new BenchmarkContext(options.Scale, dataSet, Log))
        {
            // Ctrl+C ends the process without running finally blocks: remove the scratch data directories first.
            Console.CancelKeyPress += (_, _) => context.Dispose();
            foreach (var benchmark in options.Rows)
            {
                Log($"{benchmark.Name} …");
                Outcome outcome;
                try
                {
                    outcome = benchmark.Run(context);
                }
                catch (Exception e) when (e is not OutOfMemoryException)
                {
                    Log($"{benchmark.Name} failed: {e}");
                    outcome = Outcome.Error(e.Message);
                }

                failed |= outcome.IsError;
                rows.Add(BenchmarkRow.From(benchmark, options.Scale, outcome));
            }
        }

        clock.Stop();
        var commit = machine.GitCommit?[..Math.Min(12, machine.GitCommit.Length)] ?? "unknown";
        Console.WriteLine(Figures.Invariant(
            $"McsOps benchmarks: {options.Scale.Name} (seed {options.Scale.Seed}), {machine.Cores} cores, .NET {machine.Dotnet}, commit {commit}, {clock.Elapsed.TotalSeconds:0.0} s"));
        ResultTable.Write(Console.Out, rows);
        if (options.JsonPath is { } json)
        {
            var run = new JsonReport.RunInfo(options.Scale.Name, options.Scale.Seed, started, Math.Round(clock.Elapsed.TotalSeconds, 1));
            new JsonReport(machine, run, rows).WriteTo(json);
            Log($"JSON written to {Path.GetFullPath(json)}");
        }

        return failed ? 1 : 0;
    }

    private static void Log(string message) => Console.Error.WriteLine("[bench] " + message);
}
