using System.Text.Json.Serialization;
using McsOps.Benchmarks.Harness;

namespace McsOps.Benchmarks.Run;

/// <summary>One row of the table and of the JSON's <c>rows</c>, with exactly the fields issue 7 names.</summary>
internal sealed record BenchmarkRow(
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("scale")] string Scale,
    [property: JsonPropertyName("median_ms")] double? MedianMs,
    [property: JsonPropertyName("p99_ms")] double? P99Ms,
    [property: JsonPropertyName("value")] double? Value,
    [property: JsonPropertyName("unit")] string? Unit,
    [property: JsonPropertyName("target")] string Target,
    [property: JsonPropertyName("ratio_to_floor")] double? RatioToFloor,
    [property: JsonPropertyName("pass")] bool? Pass,
    [property: JsonPropertyName("note")] string Note)
{
    [JsonIgnore]
    public bool Measured { get; private init; }

    public static BenchmarkRow From(IBenchmark benchmark, ScaleProfile scale, Outcome outcome)
    {
        ArgumentNullException.ThrowIfNull(benchmark);
        ArgumentNullException.ThrowIfNull(scale);
        ArgumentNullException.ThrowIfNull(outcome);
        return new BenchmarkRow(
            benchmark.Name, scale.Name, Round(outcome.MedianMs), Round(outcome.P99Ms), Round(outcome.Value), outcome.Unit,
            benchmark.Target(scale), Round(outcome.RatioToFloor), outcome.Pass, outcome.Note)
        {
            Measured = outcome.Measured,
        };
    }

    private static double? Round(double? value) => value is { } v ? Math.Round(v, 3) : null;
}
