using System.Runtime.InteropServices;

namespace McsOps.Bot.AdminApi;

/// <summary>
/// The three C library calls .NET has no API for: a uid's user name and a group's id through the
/// system's name service (so LDAP/SSSD users resolve too), and changing a file's group.
/// </summary>
internal static partial class Libc
{
    private const int BufferSize = 16 * 1024;

    /// <summary>The user name of <paramref name="uid"/>, or null when the system knows none.</summary>
    public static string? UserName(uint uid)
    {
        var buffer = Marshal.AllocHGlobal(BufferSize);
        try
        {
            return GetPwUidR(uid, out var entry, buffer, BufferSize, out var found) == 0 && found != 0
                ? Marshal.PtrToStringUTF8(entry.Name)
                : null;
        }
        finally
        {
            Marshal.FreeHGlobal(buffer);
        }
    }

    /// <summary>The id of the group named <paramref name="name"/>, or null when there is none.</summary>
    public static uint? GroupId(string name)
    {
        var buffer = Marshal.AllocHGlobal(BufferSize);
        try
        {
            return GetGrNamR(name, out var entry, buffer, BufferSize, out var found) == 0 && found != 0 ? entry.Gid : null;
        }
        finally
        {
            Marshal.FreeHGlobal(buffer);
        }
    }

    public static void ChangeGroup(string path, uint gid)
    {
        if (Chown(path, -1, (int)gid) != 0)
        {
            throw new IOException($"cannot give {path} to group {gid} (errno {Marshal.GetLastPInvokeError()})");
        }
    }

    [LibraryImport("libc", EntryPoint = "getpwuid_r")]
    private static partial int GetPwUidR(uint uid, out Passwd entry, IntPtr buffer, nuint length, out IntPtr found);

    [LibraryImport("libc", EntryPoint = "getgrnam_r", StringMarshalling = StringMarshalling.Utf8)]
    private static partial int GetGrNamR(string name, out Group entry, IntPtr buffer, nuint length, out IntPtr found);

    [LibraryImport("libc", EntryPoint = "chown", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    private static partial int Chown(string path, int owner, int group);

    [StructLayout(LayoutKind.Sequential)]
    private struct Passwd
    {
        public IntPtr Name;
        public IntPtr Password;
        public uint Uid;
        public uint Gid;
        public IntPtr Gecos;
        public IntPtr Directory;
        public IntPtr Shell;
    }

    [StructLayout(LayoutKind.Sequential)]
    private struct Group
    {
        public IntPtr Name;
        public IntPtr Password;
        public uint Gid;
        public IntPtr Members;
    }
}
