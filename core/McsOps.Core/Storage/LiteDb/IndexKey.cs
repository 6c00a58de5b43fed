namespace McsOps.Core.Storage.LiteDb;

/// <summary>
/// Index values that are never null and (almost) never equal. LiteDB's skip-list index slows to a
/// crawl when many documents share one key (measured: 40,000 staff with the same key took 78 s to
/// import instead of 2 s), so every indexed value is an ordinal (a date, an instant, a flag)
/// shifted left with a stable hash of the document's id in the low bits. A value that does not
/// apply gets the top ordinal, outside every range the queries ask for.
/// </summary>
internal static class IndexKey
{
    private const int HashBits = 20;
    private const long HashMask = (1L << HashBits) - 1;
    private const long NotApplicableOrdinal = (long.MaxValue >> HashBits) - 1;

    public static long Of(long ordinal, string id) => (ordinal << HashBits) | Hash(id);

    public static long NotApplicable(string id) => Of(NotApplicableOrdinal, id);

    /// <summary>The bounds of every key whose ordinal is at most <paramref name="ordinal"/>.</summary>
    public static (long From, long To) UpTo(long ordinal) => (0, (ordinal << HashBits) | HashMask);

    /// <summary>The bounds of every key whose ordinal is from <paramref name="from"/> to <paramref name="to"/>.</summary>
    public static (long From, long To) Between(long from, long to) => (from << HashBits, (to << HashBits) | HashMask);

    /// <summary>
    /// An ordinal for a code (a reviewer), from 0 to 2³⁰ − 1: a stable hash, so that one range of
    /// keys holds that code's documents (and, rarely, another's: the caller filters).
    /// </summary>
    public static long OrdinalOf(string code) => Fnv(code) & ((1L << 30) - 1);

    /// <summary>The bounds of every key with exactly this ordinal.</summary>
    public static (long From, long To) Exactly(long ordinal) => (ordinal << HashBits, (ordinal << HashBits) | HashMask);

    private static long Hash(string id) => Fnv(id) & HashMask;

    /// <summary>FNV-1a: stable across processes, unlike <see cref="string.GetHashCode()"/>.</summary>
    private static uint Fnv(string value)
    {
        var h = 2166136261u;
        foreach (var c in value)
        {
            h = (h ^ c) * 16777619u;
        }

        return h;
    }
}
