using McsOps.Benchmarks.Harness;

namespace McsOps.Benchmarks.Run;

/// <summary>The table on standard output: name, median, p99, target, pass, ratio to floor, note.</summary>
internal static class ResultTable
{
    private static readonly string[] Header = ["name", "median", "p99", "target", "pass", "ratio", "note"];

    public static void Write(TextWriter output, IReadOnlyList<BenchmarkRow> rows)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(rows);
        var cells = rows.Select(Cells).Prepend(Header).ToList();
        var widths = Enumerable.Range(0, Header.Length - 1).Select(c => cells.Max(r => r[c].Length)).ToArray();
        foreach (var row in cells)
        {
            var padded = row.Take(widths.Length).Select((cell, c) => cell.PadRight(widths[c]));
            output.WriteLine(string.Join("  ", padded.Append(row[^1])).TrimEnd());
        }
    }

    private static string[] Cells(BenchmarkRow row) =>
    [
        row.Name,
        !row.Measured ? "n/a" : row.MedianMs is null && row.Value is { } value ? Figures.Invariant($"{value:0.#} {row.Unit}") : Time(row.MedianMs),
        Time(row.P99Ms),
        row.Target,
        row.Pass switch { true => "pass", false => "FAIL", null => "n/a" },
        row.RatioToFloor is { } ratio ? Figures.Ratio(ratio) : "—",
        row.Note,
    ];

    private static string Time(double? ms) => ms is { } v ? Figures.Duration(v) : "—";
}
