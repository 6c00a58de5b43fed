namespace McsOps.Core.Scheduling;

/// <summary>
/// Runs a job on a schedule, on an injected clock. At start the job runs once if an occurrence
/// was missed since it last ran (or it never ran): after downtime it catches up once, not once per
/// missed slot. Then it runs at each occurrence. A failing run is reported and the schedule goes on.
/// </summary>
public static class Recurring
{
    public static async Task RunAsync(
        Schedule schedule,
        TimeProvider time,
        DateTimeOffset? lastRun,
        Action<DateTimeOffset> run,
        Action<Exception> failed,
        CancellationToken stop)
    {
        ArgumentNullException.ThrowIfNull(schedule);
        ArgumentNullException.ThrowIfNull(time);
        ArgumentNullException.ThrowIfNull(run);
        ArgumentNullException.ThrowIfNull(failed);
        var now = time.GetUtcNow();
        if (lastRun is not { } last || schedule.Latest(last, now) is not null)
        {
            Guarded(run, failed, now);
        }

        while (!stop.IsCancellationRequested && schedule.Next(time.GetUtcNow()) is { } next)
        {
            var wait = next - time.GetUtcNow();
            if (wait > TimeSpan.Zero)
            {
                try
                {
                    await Task.Delay(wait, time, stop).ConfigureAwait(false);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }

            Guarded(run, failed, time.GetUtcNow());
        }
    }

    private static void Guarded(Action<DateTimeOffset> run, Action<Exception> failed, DateTimeOffset at)
    {
        try
        {
            run(at);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // One failed run must not stop the schedule: the caller logs it (and a failed backup is a finding).
            failed(e);
        }
    }
}
