namespace McsOps.Core;

/// <summary>What the backup operations need besides the store: the backup settings and the key file that opens the copies.</summary>
public sealed record BackupPlace(BackupSettings Settings, string KeyFile)
{
    public static BackupPlace Of(Configuration.Settings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        return new BackupPlace(settings.Backup, settings.KeyFile);
    }
}
