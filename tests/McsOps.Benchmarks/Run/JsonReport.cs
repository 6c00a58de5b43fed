using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace McsOps.Benchmarks.Run;

/// <summary>
/// The <c>--json</c> file: <c>{ "machine": { cores, dotnet, os, git_commit }, "run": { scale, seed,
/// started_at, elapsed_s }, "rows": [ { name, scale, median_ms, p99_ms, value, unit, target,
/// ratio_to_floor, pass, note } ] }</c>. Nulls are written, never left out; Japanese and symbols
/// (≤, ×) are written as they are.
/// </summary>
internal sealed record JsonReport(
    [property: JsonPropertyName("machine")] MachineInfo Machine,
    [property: JsonPropertyName("run")] JsonReport.RunInfo Run,
    [property: JsonPropertyName("rows")] IReadOnlyList<BenchmarkRow> Rows)
{
    private static readonly JsonSerializerOptions Options = new()
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        WriteIndented = true,
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
    };

    public void WriteTo(string path) => File.WriteAllText(path, JsonSerializer.Serialize(this, Options) + "\n");

    internal sealed record RunInfo(
        [property: JsonPropertyName("scale")] string Scale,
        [property: JsonPropertyName("seed")] int Seed,
        [property: JsonPropertyName("started_at")] DateTimeOffset StartedAt,
        [property: JsonPropertyName("elapsed_s")] double ElapsedSeconds);
}
