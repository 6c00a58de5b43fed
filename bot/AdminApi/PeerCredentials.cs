using System.Net.Sockets;
using Microsoft.AspNetCore.Connections;
using Microsoft.AspNetCore.Connections.Features;

namespace McsOps.Bot.AdminApi;

/// <summary>
/// Kestrel connection middleware: on a Unix socket connection, reads the peer's credentials once
/// (they are fixed when the client connects) and sets <see cref="PeerUser"/> as a feature. TCP
/// connections get none, so the admin API does not exist for them.
/// </summary>
internal static class PeerCredentials
{
    public static ConnectionDelegate Middleware(ConnectionDelegate next) => connection =>
    {
        if (connection.Features.Get<IConnectionSocketFeature>()?.Socket is { AddressFamily: AddressFamily.Unix } socket)
        {
            connection.Features.Set(PeerUser.Of(socket));
        }

        return next(connection);
    };
}
