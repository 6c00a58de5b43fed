namespace McsOps.Core.Csv;

/// <summary>A whole CSV file as read: its header and its records.</summary>
public sealed record CsvTable(IReadOnlyList<string> Header, IReadOnlyList<CsvRow> Rows);
