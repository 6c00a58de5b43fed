namespace McsOps.Core.Csv;

public sealed record ImportOptions(TimeProvider Time, TimeZoneInfo Zone, bool DryRun = false, IProgress<(int Done, int Total)>? Progress = null);
