using System.Net;
using System.Text.RegularExpressions;

namespace McsOps.Bot.Chat.Teams;

/// <summary>
/// A Teams message's text as a command: the bot's <c>&lt;at&gt;…&lt;/at&gt;</c> mention and any
/// other markup removed first (so that an encoded <c>&amp;lt;at&amp;gt;</c> stays text), then the
/// HTML entities Teams writes (<c>&amp;nbsp;</c>, <c>&amp;amp;</c>) decoded.
/// </summary>
internal static partial class TeamsText
{
    public static string Command(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return string.Empty;
        }

        var plain = Tag().Replace(Mention().Replace(text, " "), " ");
        return WebUtility.HtmlDecode(plain).Replace('\u00A0', ' ').Trim();
    }

    [GeneratedRegex("<at>.*?</at>", RegexOptions.IgnoreCase | RegexOptions.Singleline, matchTimeoutMilliseconds: 100)]
    private static partial Regex Mention();

    [GeneratedRegex("<[^>]*>", RegexOptions.Singleline, matchTimeoutMilliseconds: 100)]
    private static partial Regex Tag();
}
