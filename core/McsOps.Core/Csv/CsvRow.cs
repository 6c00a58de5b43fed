namespace McsOps.Core.Csv;

/// <summary>A record of a CSV file: the physical line it starts on (the header is line 1) and its fields.</summary>
public sealed record CsvRow(int Line, IReadOnlyList<string> Fields);
