using System.Globalization;
using System.Reflection;
using McsOps.Core;

namespace McsOps.Tui.App;

/// <summary>
/// The terminal UI's own labels, Japanese and English side by side, kept in one table per part
/// of the program (the static <c>(Key, Ja, En)[]</c> fields of this partial class); a key not
/// found here is looked up in <see cref="Text"/> (core's messages, shared with the command line).
/// </summary>
internal static partial class UiText
{
    private static readonly Dictionary<string, (string Ja, string En)> Entries = typeof(UiText)
        .GetFields(BindingFlags.NonPublic | BindingFlags.Static)
        .Where(f => f.FieldType == typeof((string Key, string Ja, string En)[]))
        .SelectMany(f => ((string Key, string Ja, string En)[])f.GetValue(null)!)
        .ToDictionary(e => e.Key, e => (e.Ja, e.En), StringComparer.Ordinal);

    public static IReadOnlyCollection<string> Keys => Entries.Keys;

    public static string Get(Lang lang, string key, params object?[] args)
    {
        if (!Entries.TryGetValue(key, out var pair))
        {
            return Text.Get(lang, key, args);
        }

        var format = lang == Lang.En ? pair.En : pair.Ja;
        return args.Length == 0 ? format : string.Format(CultureInfo.InvariantCulture, format, args);
    }
}
