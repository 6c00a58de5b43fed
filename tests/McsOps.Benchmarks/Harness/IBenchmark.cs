namespace McsOps.Benchmarks.Harness;

/// <summary>
/// One row of the benchmark table. A row whose feature has not landed returns
/// <see cref="Outcome.NotApplicable"/> with the reason; filling it in later means replacing that
/// line with a measurement, nothing else in the harness changes.
/// </summary>
internal interface IBenchmark
{
    /// <summary>The row's name, as <c>--only</c> takes it: <c>import</c>, <c>due.list</c>, …</summary>
    string Name { get; }

    /// <summary>The target as printed for that scale (<c>≤ 30 s</c>); the row itself decides pass or fail.</summary>
    string Target(ScaleProfile scale);

    Outcome Run(BenchmarkContext context);
}
