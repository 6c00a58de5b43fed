namespace McsOps.Bot.Tests;

/// <summary>
/// Test classes that run whole service processes and take the CPU (a kill -9 during dispatch, the
/// load test): they run when no other test runs, so that the tests that time a service stop keep
/// their machine. xUnit runs such collections after the parallel ones, one class at a time.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class RunsAlone
{
    public const string Name = "runs alone";
}
