using System.Globalization;
using System.Text;

namespace McsOps.Core;

/// <summary>
/// The rules shared by every code that admins type and CSV files carry: NFKC, trimmed,
/// upper-case, letters, digits, '-' and '_', 1–32 characters. Dash look-alikes
/// (minus sign, long vowel mark, full-width hyphen, hyphen bullet, heavy minus) become '-', and
/// invisible format characters that a copy from a chat or a web page carries along (zero-width
/// space and joiners, soft hyphen, direction marks, a BOM) are dropped. Letters that only look
/// Latin (Cyrillic Р, Greek Ρ) stay what they are, so such a code is invalid, not another code.
/// </summary>
public static class Code
{
    public const int MaxLength = 32;

    public static string? Normalize(string? text)
    {
        if (text is null)
        {
            return null;
        }

        var s = text.Trim();
        if (IsValid(s))
        {
            return s; // already canonical: the common case of a machine-written file
        }

        s = s.Normalize(NormalizationForm.FormKC).Trim();
        var sb = new StringBuilder(s.Length);
        foreach (var c in s)
        {
            if (char.GetUnicodeCategory(c) == UnicodeCategory.Format)
            {
                continue;
            }

            sb.Append(c switch
            {
                '\u2010' or '\u2011' or '\u2012' or '\u2013' or '\u2014' or '\u2015' or '\u2212'
                    or '\u2043' or '\u2796' or '\u2E3A' or '\u2E3B' or '\u30FC' or '\uFF70' => '-',
                _ => char.ToUpperInvariant(c),
            });
        }

        return sb.ToString().Trim();
    }

    public static bool IsValid(string normalized) =>
        normalized.Length is >= 1 and <= MaxLength
        && normalized.All(c => c is (>= 'A' and <= 'Z') or (>= '0' and <= '9') or '-' or '_');

    public static bool TryParse<T>(string? text, out T code) where T : struct, ICode<T>
    {
        var n = Normalize(text);
        if (n is not null && IsValid(n))
        {
            code = T.Create(n);
            return true;
        }

        code = default;
        return false;
    }

    public static T Parse<T>(string text) where T : struct, ICode<T> =>
        TryParse<T>(text, out var code)
            ? code
            : throw new FormatException(string.Format(CultureInfo.InvariantCulture, "'{0}' is not a valid code", text));
}
