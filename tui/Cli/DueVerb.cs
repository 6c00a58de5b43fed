using System.Globalization;
using McsOps.Core;
using McsOps.Core.Csv;

namespace McsOps.Tui.Cli;

/// <summary>
/// <c>mcsops due [--at DATE|DATETIME] [--json] [--category C]</c>: the due list at an instant; a date
/// alone means 00:00 in the facility's time zone. <c>--at</c> moves only the clock.
/// </summary>
internal static class DueVerb
{
    public static ExitCode Run(CliContext c)
    {
        if (c.Args.Positional.Count != 1)
        {
            throw new OpsException(ExitCode.BadArguments, "cli.due.usage");
        }

        var at = c.Args.Value("--at") is { } text ? ParseAt(text, c) : c.Time.GetUtcNow();
        DueCategory? category = null;
        if (c.Args.Value("--category") is { } cat)
        {
            category = Tokens.TryParse<DueCategory>(cat, out var parsed)
                ? parsed
                : throw new OpsException(ExitCode.BadArguments, "cli.badcategory", cat, string.Join(", ", Tokens.All<DueCategory>()));
        }

        var findings = c.Connect(Channel.Cli).Execute(new GetDueList(at))
            .Where(f => category is null || f.Category == category).ToList();
        if (c.Args.Has("--json"))
        {
            Exporter.WriteJson(c.Io.Stdout, DueExport.Columns, findings.Select(DueExport.Row));
            return ExitCode.Ok;
        }

        Table.Write(c, findings);
        return ExitCode.Ok;
    }

    public static DateTimeOffset ParseAt(string text, CliContext c)
    {
        var clock = c.Settings.Policy.Clock;
        if (DateOnly.TryParseExact(text, ["yyyy-MM-dd", "yyyy/M/d", "yyyy-M-d"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return clock.StartOf(date);
        }

        if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var instant)
            && (text.Contains('Z', StringComparison.Ordinal) || text.Contains('+', StringComparison.Ordinal) || text.LastIndexOf('-') > 9))
        {
            return instant.ToUniversalTime();
        }

        if (DateTime.TryParseExact(text, ["yyyy-MM-dd'T'HH:mm", "yyyy-MM-dd'T'HH:mm:ss", "yyyy-MM-dd HH:mm"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var local))
        {
            return new DateTimeOffset(local, c.Settings.TimeZone.GetUtcOffset(local)).ToUniversalTime();
        }

        throw new OpsException(ExitCode.BadArguments, "cli.badat", text);
    }

    private static class Table
    {
        public static void Write(CliContext c, IReadOnlyList<DueFinding> findings)
        {
            if (findings.Count == 0)
            {
                c.Io.Out.WriteLine(c.T("due.none"));
                return;
            }

            var rows = findings.Select(f => new[]
            {
                c.T("severity." + Tokens.Format(f.Severity)),
                c.T("category." + Tokens.Format(f.Category)),
                f.Kind,
                f.Subject,
                f.Due?.ToString("yyyy/MM/dd", CultureInfo.InvariantCulture) ?? "-",
                f.Owner?.Value ?? c.T("due.admins"),
                f.Detail,
            }).ToList();
            string[] header = [c.T("due.h.severity"), c.T("due.h.category"), c.T("due.h.kind"), c.T("due.h.subject"), c.T("due.h.due"), c.T("due.h.owner"), c.T("due.h.detail")];
            var widths = Enumerable.Range(0, header.Length).Select(i => rows.Select(r => Columns(r[i])).Append(Columns(header[i])).Max()).ToArray();
            c.Io.Out.WriteLine(Line(header, widths));
            foreach (var r in rows)
            {
                c.Io.Out.WriteLine(Line(r, widths));
            }

            c.Io.Out.WriteLine(c.T("due.total", findings.Count, findings.Count(f => f.Severity == Severity.Overdue), findings.Count(f => f.Severity == Severity.Due), findings.Count(f => f.Severity == Severity.Upcoming)));
        }

        private static string Line(string[] cells, int[] widths) =>
            string.Join("  ", cells.Select((cell, i) => i == cells.Length - 1 ? cell : cell + new string(' ', widths[i] - Columns(cell)))).TrimEnd();

        /// <summary>Display columns (漢字 take two), by the same rule the TUI draws with.</summary>
        private static int Columns(string s) => Terminal.Gui.Text.StringExtensions.GetColumns(s, true);
    }
}
