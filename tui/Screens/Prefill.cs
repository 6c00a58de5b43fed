using System.Globalization;
using McsOps.Core;
using McsOps.Tui.App;
using Terminal.Gui.Text;

namespace McsOps.Tui.Screens;

/// <summary>What a form's inputs start with, and the hints that list the values a field takes.</summary>
internal static class Prefill
{
    /// <summary>A date as a form takes it (2026-11-26), or empty.</summary>
    public static string Date(DateOnly? date) => date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "";

    /// <summary>はい / いいえ (Yes / No): the words of the confirmation, which a yes/no field reads back.</summary>
    public static string Bool(TuiContext c, bool value) => c.T(value ? "form.yes" : "form.no");

    /// <summary>The value as typed back into a form: the on-screen word when it reads back as the same value, else the token.</summary>
    public static string Token<T>(TuiContext c, T? value) where T : struct, Enum =>
        value is not { } v ? "" : c.Lang == Lang.Ja && Tokens.TryParse<T>(c.L(v), out var back) && back.Equals(v) ? c.L(v) : Tokens.Format(v);

    /// <summary>
    /// Every value a field takes, as typed: in Japanese the word on screen when the field reads it
    /// (看護師), else <c>token=word</c>; in English the tokens. Broken into lines that fit a narrow form.
    /// </summary>
    public static string Choices<T>(TuiContext c, int width = 44) where T : struct, Enum
    {
        var words = Enum.GetValues<T>()
            .Where(v => Convert.ToInt64(v, CultureInfo.InvariantCulture) != 0 || !typeof(T).IsDefined(typeof(FlagsAttribute), false))
            .Select(v => c.Lang == Lang.En ? Tokens.Format(v) : Token(c, (T?)v) is var typed && typed == c.L(v) ? typed : $"{Tokens.Format(v)}={c.L(v)}");
        var lines = new List<string>();
        var line = "";
        foreach (var w in words)
        {
            var next = line.Length == 0 ? w : line + " / " + w;
            if (line.Length > 0 && next.GetColumns() > width)
            {
                lines.Add(line + " /");
                line = w;
            }
            else
            {
                line = next;
            }
        }

        lines.Add(line);
        return string.Join("\n", lines);
    }
}
