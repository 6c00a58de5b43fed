using Cronos;

namespace McsOps.Core;

/// <summary>Where backups go, how many generations stay, when they run, and what copies them off the host.</summary>
public sealed record BackupSettings(string Directory, int Generations, CronExpression Schedule, string? CopyCommand);
