using McsOps.Benchmarks.Harness;

namespace McsOps.Benchmarks.Rows;

/// <summary>
/// <c>due.list</c>: compute the whole due list on <see cref="BenchmarkContext.ImportedDataDirectory"/>.
/// The floor is raw LiteDB queries written plainly here that read the same documents through the
/// same indexes and return them untransformed; report median and the ratio median / floor median.
/// </summary>
internal sealed class DueListBenchmark : IBenchmark
{
    public string Name => "due.list";

    public string Target(ScaleProfile scale) => "≤ 100 ms median, ≤ 3× floor";

    public Outcome Run(BenchmarkContext context) =>
        Outcome.NotApplicable("not landed yet: the due list (issue 3) is not in core");
}

/// <summary><c>sweep</c>: one scheduler sweep (opens due reviews, enqueues reminders) on a copy of the imported store.</summary>
internal sealed class SweepBenchmark : IBenchmark
{
    public string Name => "sweep";

    public string Target(ScaleProfile scale) => "≤ 5 s";

    public Outcome Run(BenchmarkContext context) =>
        Outcome.NotApplicable("not landed yet: the scheduler sweep (issue 3) is not in core");
}
