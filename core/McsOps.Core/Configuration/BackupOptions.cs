namespace McsOps.Core.Configuration;

/// <summary>Section <c>Backup</c> (design §9): an empty directory means <c>&lt;data dir&gt;/backups</c>.</summary>
public sealed class BackupOptions
{
    public const string Section = "Backup";

    public string? Directory { get; set; }

    public int Generations { get; set; } = 8;

    public string Schedule { get; set; } = "0 2 * * *";

    /// <summary>Run after each verified backup with the file's path (copy it off the host).</summary>
    public string? CopyCommand { get; set; }
}
