using System.Text;
using System.Text.RegularExpressions;

namespace McsOps.Core;

/// <summary>
/// One parsed chat command and its argument (a code, a password class, a link code). The same
/// words on every platform: <c>review group P-0042</c> from Teams (with or without a leading
/// <c>/</c> or an <c>&lt;at&gt;…&lt;/at&gt;</c> mention), <c>/review group P-0042</c> or
/// <c>/mcsops review group P-0042</c> from Slack. Full-width letters, digits and spaces are folded.
/// </summary>
public readonly partial record struct ChatCommand(ChatVerb Verb, string? Argument = null)
{
    /// <summary>Longer input is not a command (a paste by mistake) and is not looked at further.</summary>
    public const int MaxLength = 200;

    public static ChatCommand Parse(string? text)
    {
        if (text is null || text.Length > MaxLength)
        {
            return new(ChatVerb.Unknown);
        }

        var tokens = Mention().Replace(text.Normalize(NormalizationForm.FormKC), " ").Trim().TrimStart('/')
            .Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        if (tokens.Length > 0 && tokens[0].Equals("mcsops", StringComparison.OrdinalIgnoreCase))
        {
            tokens = tokens[1..];
        }

        return tokens.Select(t => t.ToLowerInvariant()).ToArray() switch
        {
            [] or ["help"] => new(ChatVerb.Help),
            ["review"] => new(ChatVerb.MyReviews),
            ["review", "group", _] => WithCode(ChatVerb.ReviewGroup, tokens[2]),
            ["password", "changed"] => new(ChatVerb.PasswordChanged),
            ["password", "changed", var passwordClass] => new(ChatVerb.PasswordChanged, passwordClass),
            ["checklist"] => new(ChatVerb.Checklist),
            ["status"] => new(ChatVerb.Status),
            ["link", _] => WithCode(ChatVerb.Link, tokens[1]),
            _ => new(ChatVerb.Unknown),
        };
    }

    private static ChatCommand WithCode(ChatVerb verb, string text) =>
        Code.Normalize(text) is { } code && Code.IsValid(code) ? new(verb, code) : new(ChatVerb.Unknown);

    /// <summary>A Teams @mention of the bot: <c>&lt;at&gt;McsOps&lt;/at&gt;</c>.</summary>
    [GeneratedRegex("<at>.*?</at>", RegexOptions.IgnoreCase | RegexOptions.Singleline, matchTimeoutMilliseconds: 100)]
    private static partial Regex Mention();
}
