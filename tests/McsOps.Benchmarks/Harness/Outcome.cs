namespace McsOps.Benchmarks.Harness;

/// <summary>
/// What one row measured. <see cref="Value"/> is the figure compared with the target, in the
/// target's <see cref="Unit"/> (the median in seconds for <c>import</c>, messages per second for a
/// throughput row). <see cref="Pass"/> is null only for a row that was not measured.
/// </summary>
internal sealed record Outcome(
    bool Measured,
    double? MedianMs,
    double? P99Ms,
    double? Value,
    string? Unit,
    double? RatioToFloor,
    bool? Pass,
    string Note)
{
    /// <summary>True when the row could not run at all (an exception, a rejected import): the run exits 1.</summary>
    public bool IsError { get; private init; }

    /// <summary>The feature is not there yet: printed as <c>n/a</c> with the reason, pass null, no number.</summary>
    public static Outcome NotApplicable(string reason) => new(false, null, null, null, null, null, null, reason);

    public static Outcome Error(string message) => new(true, null, null, null, null, null, false, "error: " + message) { IsError = true };

    /// <summary>A time measured several times: the median is the value compared with the target, in seconds or milliseconds.</summary>
    public static Outcome Timed(Samples samples, string unit, bool pass, string note, bool withP99 = false, double? ratioToFloor = null)
    {
        ArgumentNullException.ThrowIfNull(samples);
        var value = unit switch
        {
            "s" => samples.MedianMs / 1000,
            "ms" => samples.MedianMs,
            _ => throw new ArgumentOutOfRangeException(nameof(unit), unit, "a timed row's unit is s or ms"),
        };
        return new(true, samples.MedianMs, withP99 ? samples.Percentile(0.99) : null, value, unit, ratioToFloor, pass, note);
    }
}
