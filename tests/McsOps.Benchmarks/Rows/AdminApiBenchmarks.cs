using McsOps.Benchmarks.Harness;

namespace McsOps.Benchmarks.Rows;

/// <summary><c>admin_api.query</c>: a group detail query over the service's Unix socket; the target is on p50.</summary>
internal sealed class AdminApiQueryBenchmark : IBenchmark
{
    public string Name => "admin_api.query";

    public string Target(ScaleProfile scale) => "p50 ≤ 5 ms";

    public Outcome Run(BenchmarkContext context) =>
        Outcome.NotApplicable("not landed yet: the admin API on the Unix socket (issue 5); mcsops-bot serves /healthz only");
}
