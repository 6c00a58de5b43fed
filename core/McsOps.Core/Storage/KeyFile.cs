using System.Security.Cryptography;

namespace McsOps.Core.Storage;

/// <summary>
/// The database key: 32 random bytes in a file that only its owner may read (0600), created on
/// first use. A key file that others can read is refused (exit 2), as the design asks.
/// </summary>
public static class KeyFile
{
    public const int KeyLength = 32;

    private const UnixFileMode OthersOrGroup =
        UnixFileMode.GroupRead | UnixFileMode.GroupWrite | UnixFileMode.GroupExecute
        | UnixFileMode.OtherRead | UnixFileMode.OtherWrite | UnixFileMode.OtherExecute;

    /// <summary>
    /// Returns the password LiteDB encrypts with (the key, hex-encoded). A key is created only for
    /// a database that does not exist yet: a new key could never open an existing one.
    /// </summary>
    public static string LoadOrCreate(string path, string databasePath)
    {
        if (!File.Exists(path))
        {
            if (File.Exists(databasePath))
            {
                throw new OpsException(ExitCode.Locked, "db.keymissing", databasePath, path);
            }

            Create(path);
        }

        CheckPermissions(path);
        byte[] key;
        try
        {
            key = File.ReadAllBytes(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new OpsException(ExitCode.BadArguments, "config.keyfile.read", path, e.Message);
        }

        if (key.Length != KeyLength)
        {
            throw new OpsException(ExitCode.BadArguments, "config.keyfile.size", path, key.Length);
        }

        return Convert.ToHexString(key);
    }

    /// <summary>
    /// Exit 2 (<c>config.keyfile.perms</c>) when the key file exists and its group or others have
    /// any permission on it. A program checks this as it starts, before it listens or reads anything.
    /// </summary>
    public static void CheckPermissions(string path)
    {
        if (OperatingSystem.IsWindows() || !File.Exists(path))
        {
            return;
        }

        var mode = File.GetUnixFileMode(path);
        if ((mode & OthersOrGroup) != 0)
        {
            throw new OpsException(ExitCode.BadArguments, "config.keyfile.perms", path, Convert.ToString((int)mode, 8));
        }
    }

    private static void Create(string path)
    {
        var options = new FileStreamOptions
        {
            Mode = FileMode.CreateNew,
            Access = FileAccess.Write,
            Share = FileShare.None,
        };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        using var stream = new FileStream(path, options);
        stream.Write(RandomNumberGenerator.GetBytes(KeyLength));
    }
}
