using McsOps.Benchmarks.Harness;

namespace McsOps.Benchmarks.Rows;

/// <summary>
/// <c>import</c>: the six files into an empty store, timed end to end — open the store (key and
/// file created), import in order through <see cref="McsOps.Core.Csv.Importer"/>, close it. Each
/// run starts from a fresh data directory. Facility: 1 warm-up and 5 runs; region: 3 runs and no
/// warm-up, so the first run pays for JIT as a person running <c>mcsops import</c> does.
/// </summary>
internal sealed class ImportBenchmark : IBenchmark
{
    public string Name => "import";

    public string Target(ScaleProfile scale) => scale == ScaleProfile.Region ? "≤ 30 s" : "≤ 3 s";

    public Outcome Run(BenchmarkContext context)
    {
        var (warmups, runs) = context.IsRegion ? (0, 3) : (1, 5);
        var limitMs = context.IsRegion ? 30_000 : 3_000;
        IReadOnlyList<DataSetImport.FileResult> last = [];
        string? lastDir = null;
        var samples = Measure.Repeat(warmups, runs, _ =>
        {
            if (lastDir is not null)
            {
                context.Delete(lastDir);
            }

            var dir = context.NewDataDirectory();
            var elapsed = Measure.Time(() =>
            {
                using var store = context.OpenStore(dir);
                last = DataSetImport.ImportAll(store, context.DataSet, context.ImportOptions);
            });
            lastDir = dir;
            return elapsed;
        }, m => context.Log("import: " + m));

        if (context.Imported is { } previous)
        {
            context.Imported = null;
            context.Delete(previous);
        }

        context.Imported = lastDir;
        var rows = last.Sum(r => r.Rows);
        var note = $"{Figures.Runs(samples, warmups)}, each into a fresh data dir: open + 6 files + close; "
                   + $"{Figures.Count(rows)} rows, {Figures.Count(last.Sum(r => r.Result.Created))} created, "
                   + $"{Figures.Count((long)(rows / (samples.MedianMs / 1000)))} rows/s; last run by file: {DataSetImport.Breakdown(last)}"
                   + Figures.Miss(samples.MedianMs, limitMs);
        return Outcome.Timed(samples, "s", samples.MedianMs <= limitMs, note);
    }
}

/// <summary>
/// <c>import.reimport</c>: the same six unchanged files again into the imported store, timed the
/// same way (open + 6 files + close), 3 runs (facility: after 1 warm-up). Passes only when it is
/// fast enough AND wrote nothing: the audit count and the store's change counter, read from the
/// file before and after all runs, are equal, and every row came back unchanged.
/// </summary>
internal sealed class ReimportBenchmark : IBenchmark
{
    public string Name => "import.reimport";

    public string Target(ScaleProfile scale) => (scale == ScaleProfile.Region ? "≤ 10 s" : "≤ 1 s") + ", zero writes";

    public Outcome Run(BenchmarkContext context)
    {
        var (warmups, runs) = context.IsRegion ? (0, 3) : (1, 5);
        var limitMs = context.IsRegion ? 10_000 : 1_000;
        var dir = context.ImportedDataDirectory();
        var before = Counts(context, dir);
        IReadOnlyList<DataSetImport.FileResult> last = [];
        var changedRows = 0;
        var samples = Measure.Repeat(warmups, runs, _ =>
        {
            var elapsed = Measure.Time(() =>
            {
                using var store = context.OpenStore(dir);
                last = DataSetImport.ImportAll(store, context.DataSet, context.ImportOptions);
            });
            changedRows += last.Sum(r => r.Result.Created + r.Result.Updated);
            return elapsed;
        }, m => context.Log("import.reimport: " + m));

        var after = Counts(context, dir);
        var fast = samples.MedianMs <= limitMs;
        var noWrites = before == after && changedRows == 0;
        var note = $"{Figures.Runs(samples, warmups)}: open + 6 files + close; "
                   + $"audit {Figures.Count(before.Audit)} → {Figures.Count(after.Audit)}, "
                   + $"change counter {Figures.Count(before.Changes)} → {Figures.Count(after.Changes)}, "
                   + $"{Figures.Count(last.Sum(r => r.Result.Unchanged))} rows unchanged, {Figures.Count(changedRows)} created/updated over all runs; "
                   + $"last run by file: {DataSetImport.Breakdown(last)}"
                   + Figures.Miss(samples.MedianMs, limitMs)
                   + (fast ? "" : "; " + LookupProfile.Explain(context, dir, last))
                   + (noWrites ? "" : "; WROTE to the store");
        return Outcome.Timed(samples, "s", fast && noWrites, note);
    }

    private static (long Audit, long Changes) Counts(BenchmarkContext context, string dir)
    {
        using var store = context.OpenStore(dir);
        return (store.Read(s => s.Audit.Count()), store.ChangeCounter);
    }
}
