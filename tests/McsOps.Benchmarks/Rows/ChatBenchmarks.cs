using McsOps.Benchmarks.Harness;

namespace McsOps.Benchmarks.Rows;

/// <summary><c>slack.ack</c>: 2,000 signed slash commands, 50 at a time, after 100 for warm-up, over loopback.</summary>
internal sealed class SlackAckBenchmark : IBenchmark
{
    public string Name => "slack.ack";

    public string Target(ScaleProfile scale) => "p99 ≤ 100 ms";

    public Outcome Run(BenchmarkContext context) =>
        Outcome.NotApplicable("not landed yet: the Slack adapter (issue 6)");
}

/// <summary><c>teams.ack</c>: the same with signed Bot Framework message activities.</summary>
internal sealed class TeamsAckBenchmark : IBenchmark
{
    public string Name => "teams.ack";

    public string Target(ScaleProfile scale) => "p99 ≤ 100 ms";

    public Outcome Run(BenchmarkContext context) =>
        Outcome.NotApplicable("not landed yet: the Teams adapter (issue 6)");
}

/// <summary><c>dispatch.teams</c>: 1,000 outbox messages to 100 recipients through a fake Teams enforcing 30/s per tenant.</summary>
internal sealed class DispatchTeamsBenchmark : IBenchmark
{
    public string Name => "dispatch.teams";

    public string Target(ScaleProfile scale) => "≥ 27 msg/s, zero 429";

    public Outcome Run(BenchmarkContext context) =>
        Outcome.NotApplicable("not landed yet: the outbox and its dispatcher (issues 3, 6)");
}
