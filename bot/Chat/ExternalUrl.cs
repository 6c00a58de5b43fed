namespace McsOps.Bot.Chat;

/// <summary>URLs McsOps calls out to (platform APIs, callback URLs): https, or plain http to a loopback address only (tests, a local proxy).</summary>
internal static class ExternalUrl
{
    public static bool IsAllowed(Uri? uri) =>
        uri is { IsAbsoluteUri: true } && (uri.Scheme == Uri.UriSchemeHttps || (uri.Scheme == Uri.UriSchemeHttp && uri.IsLoopback));
}
