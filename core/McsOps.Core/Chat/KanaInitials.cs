namespace McsOps.Core;

/// <summary>
/// Initials from a name in kana, as Hepburn romanisation would begin each part (シ → S, チ → C,
/// ツ → T, フ → F, ジ → J): <c>アオキ タロウ</c> → <c>A.T.</c>. Parts are split at spaces (half or
/// full width); a part that does not start with kana gives nothing, and so does a name without kana.
/// </summary>
public static class KanaInitials
{
    // One letter per katakana from ァ (U+30A1) to ヴ (U+30F4); '-' for the small ones no name starts with.
    private const string Letters = "-A-I-U-E-OKGKGKGKGKGSZSJSZSZSZTDCJ-TZTDTDNNNNNHBPHBPFBPHBPHBPMMMMM-Y-Y-YRRRRR-WWWONV";

    public static string? Of(string? kana)
    {
        if (string.IsNullOrWhiteSpace(kana))
        {
            return null;
        }

        var letters = kana.Split([' ', '\u3000'], StringSplitOptions.RemoveEmptyEntries)
            .Select(part => Letter(part[0]))
            .ToList();
        return letters.Count > 0 && letters.All(l => l is not null) ? string.Concat(letters.Select(l => l + ".")) : null;
    }

    private static char? Letter(char c)
    {
        // Hiragana ぁ–ゔ are katakana ァ–ヴ less 0x60.
        var k = c is >= '\u3041' and <= '\u3094' ? (char)(c + 0x60) : c;
        return k is >= '\u30A1' and <= '\u30F4' && Letters[k - '\u30A1'] is var l and not '-' ? l : null;
    }
}
