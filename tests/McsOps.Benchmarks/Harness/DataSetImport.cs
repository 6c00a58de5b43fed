using McsOps.Core;
using McsOps.Core.Csv;
using McsOps.Core.Storage;

namespace McsOps.Benchmarks.Harness;

/// <summary>Imports the six files of a set into one open store, in import order, as the system actor.</summary>
internal static class DataSetImport
{
    public sealed record FileResult(string Kind, ImportResult Result, TimeSpan Elapsed)
    {
        public int Rows => Result.Created + Result.Updated + Result.Unchanged;
    }

    /// <summary>Throws <see cref="InvalidOperationException"/> naming the first errors when a file is rejected.</summary>
    public static IReadOnlyList<FileResult> ImportAll(IStore store, string dataSet, ImportOptions options)
    {
        var results = new List<FileResult>();
        foreach (var kind in ScaleGenerator.Kinds)
        {
            var path = Path.Combine(dataSet, kind + ".csv");
            var elapsed = Measure.Time(() => Importer.Import(store, CsvKinds.Find(kind)!, path, Actor.System, options), out var result);
            if (result.Rejected)
            {
                var first = string.Join("; ", result.Errors.Take(3).Select(e => e.Format(Lang.En)));
                throw new InvalidOperationException($"{kind}.csv rejected with {result.Errors.Count} error(s): {first}");
            }

            results.Add(new FileResult(kind, result, elapsed));
        }

        return results;
    }

    /// <summary><c>facilities 0.01, staff 0.31, … s</c>: where an import's time went.</summary>
    public static string Breakdown(IEnumerable<FileResult> results) =>
        string.Join(", ", results.Select(r => r.Kind + " " + Figures.Seconds(r.Elapsed.TotalMilliseconds))) + " s";
}
