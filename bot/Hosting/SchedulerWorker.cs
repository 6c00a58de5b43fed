using McsOps.Core;
using McsOps.Core.Configuration;
using McsOps.Core.Scheduling;
using McsOps.Core.Storage.LiteDb;

namespace McsOps.Bot.Hosting;

/// <summary>
/// The service's clock-driven work, once the store is open: the policy sweep on
/// <c>McsOps:SweepSchedule</c> (one at start catches up whatever was missed while the service was
/// down: the sweep is idempotent) and the backup on <c>Backup:Schedule</c> (one at start only if a
/// slot passed since the last backup in the backup log). Both through the store's owner, so that a
/// shutdown waits for them.
/// </summary>
internal sealed class SchedulerWorker(StoreOwner owner, Settings settings, TimeProvider time, ILogger<SchedulerWorker> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await owner.Opened.WaitAsync(stoppingToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            return;
        }

        var lastBackup = owner.Run(ops => ops.Store.Read(s => s.Backups.Last()?.At), mayChange: false);
        await Task.WhenAll(
            Recurring.RunAsync(new Schedule(settings.SweepSchedule, settings.TimeZone), time, lastRun: null, Sweep, e => Failed("sweep", e), stoppingToken),
            Recurring.RunAsync(new Schedule(settings.Backup.Schedule, settings.TimeZone), time, lastBackup, Backup, e => Failed("backup", e), stoppingToken)).ConfigureAwait(false);
    }

    private void Sweep(DateTimeOffset at)
    {
        var result = owner.Run(ops => new Sweeper(settings.Policy).Run(ops.Store, at));
        owner.LastSweep = at;
        Log.Swept(logger, at, result.ReviewsOpened, result.ReviewsEscalated, result.MessagesEnqueued);
        ReturnMemory();
    }

    private void Backup(DateTimeOffset at)
    {
        var record = owner.Run(ops => Backups.Create((LiteDbStore)ops.Store, settings.Backup, settings.KeyFile, Actor.System, time));
        ReturnMemory();
        if (record.Ok)
        {
            Log.BackedUp(logger, record.File, record.PauseMs);
        }
        else
        {
            Log.JobFailed(logger, "backup", record.Error ?? record.File);
        }
    }

    /// <summary>
    /// After a sweep or a backup — the service's two big jobs, each reading much of the database
    /// (on the region set the start-up pair left ~420 MB resident) — a full, compacting collection
    /// that gives the freed memory back to the system (~165 MB left). Runs every 15 minutes at most
    /// and costs a pause of tens of milliseconds (measured: the <c>memory.service</c> benchmark row).
    /// </summary>
    private static void ReturnMemory() => GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);

    private void Failed(string job, Exception e) =>
        Log.JobFailed(logger, job, e is OpsException ops ? ops.Localize(Lang.En) : e.Message);
}
