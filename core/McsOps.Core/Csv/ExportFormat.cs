namespace McsOps.Core.Csv;

public enum ExportFormat
{
    [Token("csv")] Csv,
    [Token("json")] Json,
}
