using System.Globalization;
using System.Text;
using McsOps.Core;
using McsOps.Core.Configuration;

namespace McsOps.Bot.AdminApi;

/// <summary>
/// The admin socket's file. Kestrel binds it under a name of this process's own
/// (<c>admin.sock.&lt;pid&gt;</c>) at start, before the database lock is ours; once the store is open
/// the file is given mode 0660 and the admins' group and only then renamed to
/// <see cref="Settings.SocketPath"/>, which replaces a stale socket a crash left behind. So the
/// socket appears under its name only when it can serve, never with the process umask's mode,
/// and nothing is deleted before the lock is held.
/// </summary>
internal sealed class AdminSocket(Settings settings)
{
    /// <summary>sun_path holds 108 bytes with its terminating zero; the bind name adds ".&lt;pid&gt;".</summary>
    private const int MaxPathBytes = 107 - 8;

    private const UnixFileMode OthersAny = UnixFileMode.OtherRead | UnixFileMode.OtherWrite | UnixFileMode.OtherExecute;

    private uint? _groupId;
    private bool _published;

    public string Path => settings.SocketPath;

    public string BindPath { get; } = settings.SocketPath + "." + Environment.ProcessId.ToString(CultureInfo.InvariantCulture);

    /// <summary>
    /// Before Kestrel binds: the socket's directory exists (created 0750) and is closed to
    /// others, the admins' group exists. Exit 2 naming the key otherwise.
    /// </summary>
    public void Prepare()
    {
        if (Encoding.UTF8.GetByteCount(Path) > MaxPathBytes)
        {
            throw Settings.Invalid("AdminApi:SocketPath", "config.socketpath.long", Encoding.UTF8.GetByteCount(Path), MaxPathBytes);
        }

        var directory = System.IO.Path.GetDirectoryName(Path)!;
        try
        {
            Directory.CreateDirectory(directory, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute | UnixFileMode.GroupRead | UnixFileMode.GroupExecute);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw Settings.Invalid("AdminApi:SocketPath", "config.dir", directory);
        }

        var mode = File.GetUnixFileMode(directory);
        if ((mode & OthersAny) != 0)
        {
            throw Settings.Invalid("AdminApi:SocketPath", "config.socketdir.open", directory, Convert.ToString((int)mode, 8));
        }

        if (settings.AdminGroup is { } group)
        {
            _groupId = Libc.GroupId(group) ?? throw Settings.Invalid("AdminApi:AdminGroup", "config.group", group);
        }

        // The same pid as a process that crashed here long ago: that file is certainly stale.
        File.Delete(BindPath);
    }

    /// <summary>After Kestrel listens and the database lock is ours: secures the file and puts it in place.</summary>
    public void Publish()
    {
        File.SetUnixFileMode(BindPath, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.GroupWrite);
        if (_groupId is { } gid)
        {
            try
            {
                Libc.ChangeGroup(BindPath, gid);
            }
            catch (IOException)
            {
                throw Settings.Invalid("AdminApi:AdminGroup", "config.group.denied", settings.AdminGroup);
            }
        }

        RemoveLeftovers();
        File.Move(BindPath, Path, overwrite: true);
        _published = true;
    }

    /// <summary>At shutdown: new clients find no socket (and fall back to embedded mode once the lock is free).</summary>
    public void Withdraw()
    {
        if (_published)
        {
            File.Delete(Path);
            _published = false;
        }
    }

    /// <summary>Bind names of processes that no longer run (a crash before their socket was published).</summary>
    private void RemoveLeftovers()
    {
        var directory = System.IO.Path.GetDirectoryName(Path)!;
        foreach (var file in Directory.EnumerateFiles(directory, System.IO.Path.GetFileName(Path) + ".*"))
        {
            if (file != BindPath
                && int.TryParse(System.IO.Path.GetExtension(file).TrimStart('.'), NumberStyles.None, CultureInfo.InvariantCulture, out var pid)
                && !Directory.Exists("/proc/" + pid.ToString(CultureInfo.InvariantCulture)))
            {
                File.Delete(file);
            }
        }
    }
}
