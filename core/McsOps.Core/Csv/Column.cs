namespace McsOps.Core.Csv;

/// <summary>One column of an import or export file.</summary>
public sealed record Column(string Name, bool Required = false, ColumnType Type = ColumnType.Text);
