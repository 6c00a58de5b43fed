using McsOps.Benchmarks.Harness;

namespace McsOps.Benchmarks.Rows;

/// <summary><c>tui.first_paint</c>: from starting the <c>mcsops</c> process to the first dashboard frame.</summary>
internal sealed class TuiFirstPaintBenchmark : IBenchmark
{
    public string Name => "tui.first_paint";

    public string Target(ScaleProfile scale) => "≤ 1.0 s";

    public Outcome Run(BenchmarkContext context) =>
        Outcome.NotApplicable("not landed yet: the TUI dashboard (issue 4); mcsops prints a summary only");
}

/// <summary><c>tui.filter</c>: one filter keystroke over all groups, redraw included.</summary>
internal sealed class TuiFilterBenchmark : IBenchmark
{
    public string Name => "tui.filter";

    public string Target(ScaleProfile scale) => "≤ 50 ms";

    public Outcome Run(BenchmarkContext context) =>
        Outcome.NotApplicable("not landed yet: the TUI groups screen and its / filter (issue 4)");
}
