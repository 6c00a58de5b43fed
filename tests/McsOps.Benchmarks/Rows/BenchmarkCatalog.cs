using McsOps.Benchmarks.Harness;

namespace McsOps.Benchmarks.Rows;

/// <summary>Every row of the table, in the order issue 7 lists them. A new row is one line here.</summary>
internal static class BenchmarkCatalog
{
    public static IReadOnlyList<IBenchmark> All { get; } =
    [
        new ImportBenchmark(),
        new ReimportBenchmark(),
        new DueListBenchmark(),
        new SweepBenchmark(),
        new TuiFirstPaintBenchmark(),
        new TuiFilterBenchmark(),
        new AdminApiQueryBenchmark(),
        new SlackAckBenchmark(),
        new TeamsAckBenchmark(),
        new DispatchTeamsBenchmark(),
        new ServiceMemoryBenchmark(),
    ];
}
