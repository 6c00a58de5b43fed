using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace McsOps.Core.Audit;

/// <summary>The hash rule of the audit chain, and the walk that verifies it.</summary>
public static class AuditChain
{
    /// <summary>The previous hash of the first entry.</summary>
    public static readonly string Genesis = new('0', 64);

    public static string ComputeHash(
        string previousHash, long sequence, DateTimeOffset at, string actor, Channel channel,
        string action, string subject, string details)
    {
        // Fields joined by the unit separator, which no field may contain unescaped.
        var canonical = string.Join(
            '\u001f',
            previousHash,
            sequence.ToString(CultureInfo.InvariantCulture),
            at.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture),
            Escape(actor),
            Tokens.Format(channel),
            Escape(action),
            Escape(subject),
            Escape(details));
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(canonical)));
    }

    public static AuditEntry Link(
        AuditEntry? last, DateTimeOffset at, Actor actor, string action, string subject, string details)
    {
        var seq = (last?.Sequence ?? 0) + 1;
        var prev = last?.Hash ?? Genesis;
        var ms = DateTimeOffset.FromUnixTimeMilliseconds(at.ToUnixTimeMilliseconds());
        var hash = ComputeHash(prev, seq, ms, actor.Id, actor.Channel, action, subject, details);
        return new AuditEntry(seq, ms, actor.Id, actor.Channel, action, subject, details, prev, hash);
    }

    /// <summary>
    /// Walks entries in stored order and reports the first sequence number where the chain breaks
    /// (an edited entry, a gap, a reordering or a forged link). <paramref name="head"/> is the
    /// last link as the store recorded it when it was appended: a chain that ends elsewhere was
    /// truncated or extended behind the store's back.
    /// </summary>
    public static AuditVerification Verify(IEnumerable<AuditEntry> entries, AuditHead? head = null)
    {
        var expectedSeq = 1L;
        var prev = Genesis;
        long count = 0;
        foreach (var e in entries)
        {
            if (e.Sequence != expectedSeq || e.PreviousHash != prev
                || e.Hash != ComputeHash(prev, e.Sequence, e.At, e.Actor, e.Channel, e.Action, e.Subject, e.Details))
            {
                return new AuditVerification(count, expectedSeq);
            }

            prev = e.Hash;
            expectedSeq++;
            count++;
        }

        if (head is not null && (head.Sequence != count || (count > 0 && head.Hash != prev)))
        {
            return new AuditVerification(count, Math.Min(count, head.Sequence) + 1);
        }

        return new AuditVerification(count, null);
    }

    private static string Escape(string s) => s.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\u001f", "\\u001f", StringComparison.Ordinal);
}
