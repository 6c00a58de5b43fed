using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;

namespace McsOps.Bot.Chat.Slack;

/// <summary>
/// Slack's request signing: <c>v0=</c> + hex HMAC-SHA256 of <c>v0:{timestamp}:{raw body}</c> with
/// the signing secret, compared in constant time; the timestamp no more than five minutes from
/// now; each (timestamp, signature) pair accepted once. Remembered pairs are forgotten once their
/// timestamp is out of the window (it would be refused anyway); past <see cref="MaxRemembered"/>
/// pairs in one window, requests are refused rather than remembered no longer.
/// </summary>
internal sealed class SlackSignature(IOptions<SlackOptions> options, TimeProvider time)
{
    public const int WindowSeconds = 300;
    public const int MaxRemembered = 100_000;

    private readonly byte[] _secret = Encoding.UTF8.GetBytes(options.Value.SigningSecret ?? string.Empty);
    // A pair is remembered as the timestamp and the first 128 bits of its MAC (not the 67-character
    // text): a full window at Slack's busiest is 100,000 pairs, and they stay small.
    private readonly HashSet<(long, Int128)> _seen = [];
    private readonly Queue<(long Timestamp, Int128 Mac)> _order = new();
    private readonly Lock _gate = new();

    public bool Verify(string timestamp, string signature, ReadOnlySpan<byte> body)
    {
        if (!long.TryParse(timestamp, NumberStyles.None, CultureInfo.InvariantCulture, out var ts))
        {
            return false;
        }

        var now = time.GetUtcNow().ToUnixTimeSeconds();
        if (Math.Abs(now - ts) > WindowSeconds)
        {
            return false;
        }

        using var hmac = IncrementalHash.CreateHMAC(HashAlgorithmName.SHA256, _secret);
        hmac.AppendData(Encoding.ASCII.GetBytes($"v0:{timestamp}:"));
        hmac.AppendData(body);
        var mac = hmac.GetHashAndReset();
        var expected = Encoding.ASCII.GetBytes("v0=" + Convert.ToHexStringLower(mac));
        return CryptographicOperations.FixedTimeEquals(expected, Encoding.UTF8.GetBytes(signature))
            && FirstTime(ts, System.Buffers.Binary.BinaryPrimitives.ReadInt128LittleEndian(mac), now);
    }

    private bool FirstTime(long timestamp, Int128 mac, long now)
    {
        lock (_gate)
        {
            while (_order.TryPeek(out var oldest) && oldest.Timestamp < now - WindowSeconds)
            {
                _seen.Remove(_order.Dequeue());
            }

            if (_seen.Count >= MaxRemembered || !_seen.Add((timestamp, mac)))
            {
                return false;
            }

            _order.Enqueue((timestamp, mac));
            return true;
        }
    }
}
