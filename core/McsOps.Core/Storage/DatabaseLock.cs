using System.Globalization;

namespace McsOps.Core.Storage;

/// <summary>
/// The one-owner rule: an exclusive <c>flock</c> on <c>&lt;db&gt;.lock</c>, held for the owner's
/// lifetime, with the owner's PID in <c>&lt;db&gt;.lock.pid</c> (other .NET processes cannot even
/// read a locked file). LiteDB's direct mode takes no cross-process lock on Linux, so this is
/// what keeps two writers apart.
/// </summary>
public sealed class DatabaseLock : IDisposable
{
    private readonly FileStream _stream;

    private DatabaseLock(FileStream stream, string path)
    {
        _stream = stream;
        Path = path;
    }

    public string Path { get; }

    public static DatabaseLock Acquire(string databasePath)
    {
        if (Environment.GetEnvironmentVariable("DOTNET_SYSTEM_IO_DISABLEFILELOCKING") is "1" or "true")
        {
            throw new OpsException(ExitCode.BadArguments, "db.lock.disabled");
        }

        var lockPath = databasePath + ".lock";
        var pidPath = lockPath + ".pid";
        FileStream stream;
        try
        {
            stream = new FileStream(lockPath, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
        }
        catch (IOException)
        {
            var holder = ReadPid(pidPath);
            throw holder is { } pid
                ? new OpsException(ExitCode.Locked, "db.locked", pid, databasePath)
                : new OpsException(ExitCode.Locked, "db.locked.unknown", databasePath);
        }

        File.WriteAllText(pidPath, Environment.ProcessId.ToString(CultureInfo.InvariantCulture));
        return new DatabaseLock(stream, lockPath);
    }

    public void Dispose() => _stream.Dispose();

    private static int? ReadPid(string pidPath)
    {
        try
        {
            return int.TryParse(File.ReadAllText(pidPath).Trim(), CultureInfo.InvariantCulture, out var pid) ? pid : null;
        }
        catch (IOException)
        {
            return null;
        }
    }
}
