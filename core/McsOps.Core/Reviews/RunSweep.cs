using McsOps.Core.Application;

namespace McsOps.Core;

/// <summary>One scheduler sweep at <see cref="At"/> (now when null): opens due reviews, escalates, writes reminders.</summary>
public sealed record RunSweep(DateTimeOffset? At = null) : IOperation<SweepResult>;

internal sealed class RunSweepHandler : IStoreHandler<RunSweep, SweepResult>
{
    public SweepResult Handle(RunSweep operation, Ops ops, Actor actor) =>
        new Sweeper(ops.Policy).Run(ops.Store, operation.At ?? ops.Time.GetUtcNow());
}
