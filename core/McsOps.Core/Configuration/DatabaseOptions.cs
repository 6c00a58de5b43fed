namespace McsOps.Core.Configuration;

/// <summary>Section <c>Database</c>: empty values mean the files in the data directory.</summary>
public sealed class DatabaseOptions
{
    public const string Section = "Database";

    public string? Path { get; set; }

    public string? KeyFile { get; set; }
}
