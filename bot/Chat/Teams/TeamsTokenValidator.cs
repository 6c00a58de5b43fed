using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Options;

namespace McsOps.Bot.Chat.Teams;

/// <summary>
/// Checks the bearer token the Bot Connector sends with every activity: a JWS signed RS256 (no
/// other algorithm, <c>none</c> least of all) by a key of the Connector's key set, issued by
/// <c>https://api.botframework.com</c> for this bot (<c>aud</c> = <c>Teams:AppId</c>), within its
/// lifetime give or take five minutes. What the token says about the activity (its
/// <c>serviceurl</c>, the key's endorsements) is checked against the activity by the endpoint.
/// </summary>
internal sealed class TeamsTokenValidator(TeamsSigningKeys keys, IOptions<TeamsOptions> options, TimeProvider time)
{
    public const string Issuer = "https://api.botframework.com";
    public const int MaxTokenLength = 16 * 1024;
    public static readonly TimeSpan Skew = TimeSpan.FromMinutes(5);

    /// <summary>The verified token's claims, or null and why not.</summary>
    public async Task<(TeamsClaims? Claims, string Reason)> Validate(string? authorization, CancellationToken ct)
    {
        if (authorization is null || !authorization.StartsWith("Bearer ", StringComparison.Ordinal) || authorization.Length > MaxTokenLength)
        {
            return (null, "no bearer token");
        }

        var parts = authorization["Bearer ".Length..].Trim().Split('.');
        if (parts.Length != 3 || parts.Any(p => p.Length == 0))
        {
            return (null, "not a signed JWT");
        }

        JsonElement header, payload;
        byte[] signature;
        try
        {
            header = Json(parts[0]);
            payload = Json(parts[1]);
            signature = Base64Url.DecodeFromChars(parts[2]);
        }
        catch (Exception e) when (e is FormatException or JsonException)
        {
            return (null, "not a JWT");
        }

        if (header.ValueKind != JsonValueKind.Object || payload.ValueKind != JsonValueKind.Object)
        {
            return (null, "not a JWT");
        }

        // The algorithm is fixed here, never taken from the token: 'none' and HS256 (with the public key as its secret) are refused.
        if (Str(header, "alg") != "RS256" || header.TryGetProperty("crit", out _))
        {
            return (null, "algorithm is not RS256");
        }

        if (Str(header, "kid") is not { Length: > 0 } kid)
        {
            return (null, "no kid");
        }

        var key = await keys.Find(kid, ct);
        if (key is null)
        {
            return (null, "unknown kid");
        }

        var signed = Encoding.ASCII.GetBytes(parts[0] + "." + parts[1]);
        if (!key.Rsa.VerifyData(signed, signature, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1))
        {
            return (null, "bad signature");
        }

        if (Str(payload, "iss") != Issuer)
        {
            return (null, "wrong issuer");
        }

        if (!Audiences(payload).Contains(options.Value.AppId, StringComparer.Ordinal))
        {
            return (null, "wrong audience");
        }

        var now = time.GetUtcNow();
        if (Seconds(payload, "exp") is not { } exp || now > exp + Skew)
        {
            return (null, "expired or no exp");
        }

        if (payload.TryGetProperty("nbf", out _) && (Seconds(payload, "nbf") is not { } nbf || now < nbf - Skew))
        {
            return (null, "not yet valid");
        }

        return (new TeamsClaims(Str(payload, "serviceurl"), key.Endorsements), string.Empty);
    }

    private static JsonElement Json(string part)
    {
        using var doc = JsonDocument.Parse(Base64Url.DecodeFromChars(part), new JsonDocumentOptions { MaxDepth = 16 });
        return doc.RootElement.Clone();
    }

    private static string? Str(JsonElement e, string name) => e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;

    private static IEnumerable<string?> Audiences(JsonElement payload) => payload.TryGetProperty("aud", out var aud)
        ? aud.ValueKind switch
        {
            JsonValueKind.String => [aud.GetString()],
            JsonValueKind.Array => aud.EnumerateArray().Where(a => a.ValueKind == JsonValueKind.String).Select(a => a.GetString()),
            _ => [],
        }
        : [];

    private static DateTimeOffset? Seconds(JsonElement e, string name) =>
        e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Number && v.TryGetInt64(out var s) && s is > 0 and < 253402300799
            ? DateTimeOffset.FromUnixTimeSeconds(s) : null;
}
