using McsOps.Benchmarks.Harness;

namespace McsOps.Benchmarks.Rows;

/// <summary><c>memory.service</c>: the service's RSS on the region set after a sweep and 1,000 chat requests.</summary>
internal sealed class ServiceMemoryBenchmark : IBenchmark
{
    public string Name => "memory.service";

    public string Target(ScaleProfile scale) => "≤ 300 MB";

    public Outcome Run(BenchmarkContext context) =>
        Outcome.NotApplicable("not landed yet: the service's sweep and chat endpoints (issues 5, 6)");
}
