using McsOps.Core;

namespace McsOps.Tui.Cli;

/// <summary>
/// The command line split into global options (accepted before or after the verb), the verb's
/// own options and positional words. Every option is known in advance: an unknown one is an error.
/// </summary>
internal sealed class ParsedArgs
{
    private static readonly HashSet<string> ValueOptions = ["--data-dir", "--lang", "--format", "--out", "--at", "--category", "--socket"];
    private static readonly HashSet<string> FlagOptions = ["--demo", "--help", "--dry-run", "--reset", "--json", "--embedded", "--version"];

    private ParsedArgs()
    {
    }

    public List<string> Positional { get; } = [];

    public Dictionary<string, string> Values { get; } = new(StringComparer.Ordinal);

    public HashSet<string> Flags { get; } = new(StringComparer.Ordinal);

    public LocalizedReason? Error { get; private set; }

    public string? Verb => Positional.Count > 0 ? Positional[0] : null;

    public bool Has(string flag) => Flags.Contains(flag);

    public string? Value(string option) => Values.GetValueOrDefault(option);

    public static ParsedArgs Parse(IReadOnlyList<string> args)
    {
        var parsed = new ParsedArgs();
        for (var i = 0; i < args.Count; i++)
        {
            var a = args[i];
            if (a == "-h")
            {
                a = "--help";
            }

            if (!a.StartsWith("--", StringComparison.Ordinal) || a == "--")
            {
                parsed.Positional.Add(a);
                continue;
            }

            var eq = a.IndexOf('=', StringComparison.Ordinal);
            var name = eq > 0 ? a[..eq] : a;
            if (ValueOptions.Contains(name))
            {
                string? value = eq > 0 ? a[(eq + 1)..]
                    : i + 1 < args.Count && !args[i + 1].StartsWith("--", StringComparison.Ordinal) ? args[++i] : null;
                if (string.IsNullOrEmpty(value))
                {
                    parsed.Error ??= new LocalizedReason("cli.novalue", name);
                    continue;
                }

                parsed.Values[name] = value;
            }
            else if (FlagOptions.Contains(name) && eq < 0)
            {
                parsed.Flags.Add(name);
            }
            else
            {
                parsed.Error ??= new LocalizedReason("cli.unknownoption", a);
            }
        }

        return parsed;
    }
}
