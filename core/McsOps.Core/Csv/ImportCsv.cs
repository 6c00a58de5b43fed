using System.Text.Json.Serialization;
using McsOps.Core.Application;

namespace McsOps.Core.Csv;

/// <summary>
/// Imports the bytes of one CSV file as one kind, all or nothing. The client opens the file and
/// streams it (<see cref="FileContent"/>): the service reads its own copy and never opens a path.
/// <see cref="FileName"/> only names the file in error messages (<c>file:line: column: reason</c>).
/// </summary>
public sealed record ImportCsv(string Kind, FileContent Content, string FileName, bool DryRun = false) : IOperation<ImportResult>
{
    /// <summary>Progress of a large file, reported in this process only (embedded mode); it does not travel to the service.</summary>
    [JsonIgnore]
    public IProgress<(int Done, int Total)>? Progress { get; init; }
}

internal sealed class ImportCsvHandler : IStoreHandler<ImportCsv, ImportResult>
{
    public ImportResult Handle(ImportCsv operation, Ops ops, Actor actor)
    {
        var kind = CsvKinds.Find(operation.Kind)
            ?? throw new OpsException(ExitCode.BadArguments, "cli.badkind", operation.Kind, string.Join(", ", CsvKinds.All.Select(k => k.Name)));
        var options = new ImportOptions(ops.Time, operation.DryRun, operation.Progress);
        return Importer.ImportBytes(ops.Store, kind, operation.Content.ReadAllBytes(), operation.FileName, actor, options);
    }
}
