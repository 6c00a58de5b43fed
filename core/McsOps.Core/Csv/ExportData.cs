using McsOps.Core.Application;

namespace McsOps.Core.Csv;

/// <summary>
/// Exports one kind as the bytes of a CSV or JSON file (the client writes them where it was
/// told); the due list is evaluated at <see cref="At"/> (now when null). The export is audited,
/// and the auditor may run it.
/// </summary>
public sealed record ExportData(string Kind, ExportFormat Format, DateTimeOffset? At = null) : IAuditedRead<byte[]>;

internal sealed class ExportDataHandler : IStoreHandler<ExportData, byte[]>
{
    public byte[] Handle(ExportData operation, Ops ops, Actor actor)
    {
        using var buffer = new MemoryStream();
        Exporter.Export(ops.Store, operation.Kind, operation.Format, buffer, actor, ops.Policy, operation.At ?? ops.Time.GetUtcNow());
        return buffer.ToArray();
    }
}
