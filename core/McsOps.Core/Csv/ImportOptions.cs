namespace McsOps.Core.Csv;

public sealed record ImportOptions(TimeProvider Time, bool DryRun = false, IProgress<(int Done, int Total)>? Progress = null);
