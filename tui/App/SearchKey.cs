using System.Text;

namespace McsOps.Tui.App;

/// <summary>
/// The form a row and a filter term are compared in: NFKC (full-width letters and half-width
/// kana fold), lower case, katakana folded to hiragana, so that やまだ finds ヤマダ and ｐ－００４２
/// finds P-0042. Rows are normalised once when loaded; a keystroke is one ordinal search per row.
/// </summary>
internal static class SearchKey
{
    public static string Of(params string?[] parts)
    {
        var sb = new StringBuilder();
        foreach (var part in parts)
        {
            if (!string.IsNullOrEmpty(part))
            {
                sb.Append(Fold(part)).Append('\u0001');
            }
        }

        return sb.ToString();
    }

    public static string Term(string? text) => string.IsNullOrWhiteSpace(text) ? "" : Fold(text.Trim());

    private static string Fold(string s)
    {
        var chars = s.Normalize(NormalizationForm.FormKC).ToLowerInvariant().ToCharArray();
        for (var i = 0; i < chars.Length; i++)
        {
            var c = chars[i];
            if (c is >= 'ァ' and <= 'ヶ')
            {
                chars[i] = (char)(c - 0x60);
            }
            else if (c is '‐' or '－' or '―' or '−' or 'ー' && i > 0 && char.IsAsciiLetterOrDigit(chars[i - 1]))
            {
                chars[i] = '-';
            }
        }

        return new string(chars);
    }
}
