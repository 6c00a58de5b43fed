using LiteDB;
using McsOps.Benchmarks.Harness;
using McsOps.Core;
using McsOps.Core.Scheduling;
using McsOps.Core.Storage.LiteDb;

namespace McsOps.Benchmarks.Rows;

/// <summary>
/// <c>due.list</c>: compute the whole due list on the imported set, at a fixed instant. The floor
/// is raw LiteDB queries written plainly here that read the same documents through the same
/// indexes and return them untransformed; the ratio is median / floor median.
/// </summary>
internal sealed class DueListBenchmark : IBenchmark
{
    /// <summary>The instant both are evaluated at: the data sets' dates count from 2026-10-01.</summary>
    public static readonly DateTimeOffset At = new(2026, 11, 26, 1, 0, 0, TimeSpan.Zero);

    public string Name => "due.list";

    public string Target(ScaleProfile scale) => "≤ 100 ms median, ≤ 3× floor";

    public Outcome Run(BenchmarkContext context)
    {
        var dir = context.ImportedDataDirectory();
        var policy = new PolicySettings { Zone = context.Zone };
        using var store = LiteDbStore.Open(Path.Combine(dir, "mcsops.db"), Path.Combine(dir, "mcsops.key"), context.Time, policy);
        var count = 0;
        var samples = Measure.Repeat(3, 15, _ => Measure.Time(() => count = store.Read(s => DueList.Compute(s, policy, At)).Count));
        var docs = 0;
        var floor = Measure.Repeat(3, 15, _ => Measure.Time(() => docs = Floor(store.Database, policy)));
        var ratio = samples.MedianMs / floor.MedianMs;
        var pass = samples.MedianMs <= 100 && ratio <= 3;
        var note = $"{count} findings at {At:yyyy-MM-dd'T'HH:mm'Z'}; floor reads {docs} documents in {Figures.Duration(floor.MedianMs)} (median of 15)";
        return Outcome.Timed(samples, "ms", pass, note, withP99: true, ratioToFloor: Math.Round(ratio, 2));
    }

    /// <summary>The same documents through the same indexes, untransformed.</summary>
    private static int Floor(LiteDatabase db, PolicySettings policy)
    {
        var today = policy.Clock.DateOf(At);
        var horizon = today.AddDays(policy.UpcomingDays);
        static BsonExpression UpTo(string field, long ordinal)
        {
            var (from, to) = IndexKey.UpTo(ordinal);
            return Bson.Between(field, from, to);
        }

        static BsonExpression Exactly(string field, long ordinal)
        {
            var (from, to) = IndexKey.Exactly(ordinal);
            return Bson.Between(field, from, to);
        }

        var (openFrom, openTo) = ReviewRepository.AnyOpen;
        var n = db.GetCollection("reviews").Find(Bson.Between("ix_open", openFrom, openTo)).Count();
        n += db.GetCollection("group_facts").Find(UpTo("ix_review_next", At.ToUnixTimeMilliseconds())).Count();
        n += db.GetCollection("actions").Find(Exactly("ix_open", 1)).Count();
        n += db.GetCollection("invitations").Find(UpTo("ix_invited", Bson.DateKey(horizon.AddDays(-policy.InvitationDueDays)))).Count();
        n += db.GetCollection("staff").Find(UpTo("ix_pw", Bson.DateKey(horizon.AddMonths(-policy.RotationMonths).AddDays(4)))).Count();
        n += db.GetCollection("staff").Find(UpTo("ix_training", Bson.DateKey(horizon.AddMonths(-policy.TrainingIntervalMonths).AddDays(4)))).Count();
        n += db.GetCollection("staff").Find(UpTo("ix_pledge", 0)).Count();
        n += db.GetCollection("group_facts").Find(UpTo("ix_consent", 0)).Count();
        n += db.GetCollection("staff").Find(UpTo("ix_departed", 0)).Count();
        n += db.GetCollection("devices").FindAll().Count();
        n += db.GetCollection("checklists").Find(Exactly("ix_open", 1)).Count();
        return n;
    }
}

/// <summary><c>sweep</c>: one scheduler sweep (opens due reviews, escalates, enqueues reminders) on a copy of the imported store.</summary>
internal sealed class SweepBenchmark : IBenchmark
{
    public string Name => "sweep";

    public string Target(ScaleProfile scale) => "≤ 5 s";

    public Outcome Run(BenchmarkContext context)
    {
        var source = context.ImportedDataDirectory();
        var policy = new PolicySettings { Zone = context.Zone };
        // The service sweeps every 15 minutes in one long-lived process: one warm-up run first, so
        // the figure is a sweep's and not the JIT's (the cold run is in the log).
        SweepResult? result = null;
        var samples = Measure.Repeat(1, 3, _ =>
        {
            var dir = context.NewDataDirectory();
            foreach (var file in new[] { "mcsops.db", "mcsops.key" })
            {
                File.Copy(Path.Combine(source, file), Path.Combine(dir, file));
            }

            using var store = LiteDbStore.Open(Path.Combine(dir, "mcsops.db"), Path.Combine(dir, "mcsops.key"), context.Time, policy);
            var elapsed = Measure.Time(() => result = new Sweeper(policy).Run(store, DueListBenchmark.At));
            context.Delete(dir);
            return elapsed;
        }, m => context.Log("sweep: " + m));
        var note = $"{Figures.Runs(samples, 1)} on a copy of the imported store: {result!.ReviewsOpened} reviews opened, {result.ReviewsEscalated} escalated, {result.MessagesEnqueued} messages"
                   + Figures.Miss(samples.MedianMs, 5_000);
        return Outcome.Timed(samples, "s", samples.MedianMs <= 5_000, note);
    }
}
