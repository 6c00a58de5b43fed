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

        return Read(path);
    }

    /// <summary>
    /// The keys a backup may need: the current one, then the keys a rotation kept beside it
    /// (<c>&lt;key&gt;.&lt;utc-stamp&gt;.old</c>), newest first. Each is held to the same rules as the current key.
    /// </summary>
    public static IReadOnlyList<string> WithKeptKeys(string path, string databasePath)
    {
        List<string> passwords = [LoadOrCreate(path, databasePath)];
        passwords.AddRange(KeptKeys(path).Select(Read));
        return passwords;
    }

    /// <summary>The old keys kept by rotations, newest first.</summary>
    public static IReadOnlyList<string> KeptKeys(string path)
    {
        var directory = System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(path))!;
        var name = System.IO.Path.GetFileName(path);
        return Directory.Exists(directory)
            ? [.. Directory.EnumerateFiles(directory, name + ".*.old").Order(StringComparer.Ordinal).Reverse()]
            : [];
    }

    /// <summary>Writes a new random key at <paramref name="path"/> (which must not exist), readable by its owner only; returns its password.</summary>
    public static string CreateNew(string path)
    {
        Create(path);
        return Read(path);
    }

    /// <summary>A copy of <paramref name="path"/> at <paramref name="target"/>, readable by its owner only.</summary>
    public static void Keep(string path, string target)
    {
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write, Share = FileShare.None };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        var bytes = File.ReadAllBytes(path);
        using var stream = new FileStream(target, options);
        stream.Write(bytes);
        stream.Flush(flushToDisk: true);
    }

    private static string Read(string path)
    {
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
        stream.Flush(flushToDisk: true);
    }
}
