namespace McsOps.Core.Csv;

/// <summary>How a column's text is written in JSON: a string, a boolean, or an array of its <c>;</c> parts.</summary>
public enum ColumnType
{
    Text,
    Bool,
    List,
    Number,
}
