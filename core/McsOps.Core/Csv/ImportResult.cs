namespace McsOps.Core.Csv;

/// <summary>What an import did, or would do with <c>--dry-run</c>; nothing at all when it has errors.</summary>
public sealed record ImportResult(string Kind, int Created, int Updated, int Unchanged, IReadOnlyList<ImportError> Errors)
{
    public bool Rejected => Errors.Count > 0;
}
