using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.Extensions.Options;

namespace McsOps.Bot.Chat.Teams;

/// <summary>
/// The Bot Connector's signing keys: <c>Teams:OpenIdMetadataUrl</c> → <c>jwks_uri</c> → the key
/// set, each RSA key with its <c>endorsements</c> (the channels it may sign for). Cached and
/// fetched again when a day old, or when a token names an unknown <c>kid</c> (key rotation) — at
/// most once a minute for that, so that made-up kids cannot make McsOps hammer the endpoint.
/// A failed fetch keeps the keys it had.
/// </summary>
internal sealed class TeamsSigningKeys(IHttpClientFactory clients, IOptions<TeamsOptions> options, TimeProvider time, ILogger<TeamsSigningKeys> log) : IDisposable
{
    public static readonly TimeSpan MaxAge = TimeSpan.FromDays(1);
    public static readonly TimeSpan UnknownKidInterval = TimeSpan.FromMinutes(1);

    private readonly SemaphoreSlim _gate = new(1, 1);
    private Dictionary<string, TeamsSigningKey> _keys = new(StringComparer.Ordinal);
    private DateTimeOffset? _fetchedAt;
    private DateTimeOffset? _triedAt;

    /// <summary>The key with this id, or null when the (refreshed) set has none.</summary>
    public async Task<TeamsSigningKey?> Find(string kid, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        if (_fetchedAt is not { } fetched || now - fetched >= MaxAge)
        {
            await Refresh(ct);
        }

        if (Volatile.Read(ref _keys).TryGetValue(kid, out var key))
        {
            return key;
        }

        await Refresh(ct);
        return Volatile.Read(ref _keys).GetValueOrDefault(kid);
    }

    private async Task Refresh(CancellationToken ct)
    {
        await _gate.WaitAsync(ct);
        try
        {
            var now = time.GetUtcNow();
            if (_triedAt is { } tried && now - tried < UnknownKidInterval)
            {
                return;
            }

            _triedAt = now;
            try
            {
                var keys = await Fetch(ct);
                Volatile.Write(ref _keys, keys);
                _fetchedAt = now;
            }
            catch (Exception e) when (e is HttpRequestException or JsonException or InvalidDataException or TaskCanceledException && !ct.IsCancellationRequested)
            {
                TeamsLog.KeysFailed(log, e.Message);
            }
        }
        finally
        {
            _gate.Release();
        }
    }

    private async Task<Dictionary<string, TeamsSigningKey>> Fetch(CancellationToken ct)
    {
        var http = clients.CreateClient(TeamsConnector.Client);
        using var metadata = JsonDocument.Parse(await http.GetStringAsync(options.Value.OpenIdMetadataUrl, ct));
        if (!metadata.RootElement.TryGetProperty("jwks_uri", out var jwks) || jwks.ValueKind != JsonValueKind.String
            || !Uri.TryCreate(jwks.GetString(), UriKind.Absolute, out var jwksUri) || !ExternalUrl.IsAllowed(jwksUri))
        {
            throw new InvalidDataException("the OpenID metadata has no usable jwks_uri");
        }

        using var set = JsonDocument.Parse(await http.GetStringAsync(jwksUri, ct));
        if (!set.RootElement.TryGetProperty("keys", out var list) || list.ValueKind != JsonValueKind.Array)
        {
            throw new InvalidDataException("the key set has no keys");
        }

        var keys = new Dictionary<string, TeamsSigningKey>(StringComparer.Ordinal);
        foreach (var k in list.EnumerateArray())
        {
            if (Key(k) is { } key)
            {
                keys[key.Id] = key;
            }
        }

        return keys;
    }

    /// <summary>An RSA signing key of the set, or null for anything else (another key type, an encryption key, a malformed entry).</summary>
    private static TeamsSigningKey? Key(JsonElement k)
    {
        if (k.ValueKind != JsonValueKind.Object || Str(k, "kty") != "RSA" || Str(k, "kid") is not { Length: > 0 } kid
            || Str(k, "n") is not { } n || Str(k, "e") is not { } e || (Str(k, "use") is { } use && use != "sig"))
        {
            return null;
        }

        var endorsements = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        if (k.TryGetProperty("endorsements", out var list) && list.ValueKind == JsonValueKind.Array)
        {
            endorsements.UnionWith(list.EnumerateArray().Where(x => x.ValueKind == JsonValueKind.String).Select(x => x.GetString()!));
        }

        try
        {
            var rsa = RSA.Create();
            rsa.ImportParameters(new RSAParameters { Modulus = Base64Url.DecodeFromChars(n), Exponent = Base64Url.DecodeFromChars(e) });
            return new TeamsSigningKey(kid, rsa, endorsements);
        }
        catch (Exception ex) when (ex is FormatException or CryptographicException)
        {
            return null;
        }
    }

    private static string? Str(JsonElement e, string name) => e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;

    public void Dispose() => _gate.Dispose();
}
