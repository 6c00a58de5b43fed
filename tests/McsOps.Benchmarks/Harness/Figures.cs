using System.Globalization;

namespace McsOps.Benchmarks.Harness;

/// <summary>How the table writes numbers: invariant culture, units chosen for reading.</summary>
internal static class Figures
{
    /// <summary><c>850 ms</c>, <c>12.3 ms</c>, <c>0.42 ms</c>, <c>2.41 s</c>.</summary>
    public static string Duration(double ms) => ms switch
    {
        >= 1000 => Invariant($"{ms / 1000:0.00} s"),
        >= 100 => Invariant($"{ms:0} ms"),
        >= 1 => Invariant($"{ms:0.0} ms"),
        _ => Invariant($"{ms:0.00} ms"),
    };

    public static string Count(long n) => Invariant($"{n:N0}");

    public static string Ratio(double ratio) => Invariant($"{ratio:0.00}×");

    public static string Seconds(double ms) => Invariant($"{ms / 1000:0.00}");

    /// <summary><c>median of 3 runs (0.61, 0.68, 0.61 s) after 1 warm-up</c>: how a median came about.</summary>
    public static string Runs(Samples samples, int warmups)
    {
        ArgumentNullException.ThrowIfNull(samples);
        var each = samples.Count <= 5 ? " (" + string.Join(", ", samples.Milliseconds.Select(Seconds)) + " s)" : "";
        var warm = warmups switch { 0 => "no warm-up", 1 => "after 1 warm-up", _ => $"after {warmups} warm-ups" };
        return samples.Count == 1 ? $"1 run{each}, {warm}" : $"median of {samples.Count} runs{each}, {warm}";
    }

    /// <summary><c>; MISSED by 963 ms (1.10× the target)</c>, or nothing when the target was met.</summary>
    public static string Miss(double measuredMs, double limitMs) =>
        measuredMs <= limitMs ? "" : $"; MISSED by {Duration(measuredMs - limitMs)} ({Ratio(measuredMs / limitMs)} the target)";

    public static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
