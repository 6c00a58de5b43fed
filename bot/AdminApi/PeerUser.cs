using System.Globalization;
using System.Net.Sockets;

namespace McsOps.Bot.AdminApi;

/// <summary>
/// Who is at the other end of an admin socket connection, as the kernel says (SO_PEERCRED):
/// set on the connection by <see cref="PeerCredentials"/>, never taken from anything the client sends.
/// </summary>
internal sealed record PeerUser(uint Uid, string UserName)
{
    private const int SolSocket = 1;
    private const int SoPeerCred = 17;

    /// <summary>Reads the peer's uid from a connected Unix socket (struct ucred: pid, uid, gid) and names it.</summary>
    public static PeerUser Of(Socket socket)
    {
        ArgumentNullException.ThrowIfNull(socket);
        Span<byte> ucred = stackalloc byte[12];
        socket.GetRawSocketOption(SolSocket, SoPeerCred, ucred);
        var uid = BitConverter.ToUInt32(ucred[4..8]);
        // A uid without a passwd entry still gets a name no real account can have, so it maps to no staff record by accident.
        return new PeerUser(uid, Libc.UserName(uid) ?? "uid:" + uid.ToString(CultureInfo.InvariantCulture));
    }
}
