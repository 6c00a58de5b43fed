using McsOps.Core;
using McsOps.Core.Csv;

namespace McsOps.Tui.Cli;

/// <summary><c>mcsops export &lt;kind&gt; [--format csv|json] [--out F]</c>; the export itself is audited.</summary>
internal static class ExportVerb
{
    public static ExitCode Run(CliContext c)
    {
        if (c.Args.Positional.Count != 2)
        {
            throw new OpsException(ExitCode.BadArguments, "cli.export.usage");
        }

        var kind = c.Args.Positional[1].ToLowerInvariant();
        if (!Exporter.Kinds.Contains(kind))
        {
            throw new OpsException(ExitCode.BadArguments, "cli.badkind", kind, string.Join(", ", Exporter.Kinds));
        }

        var format = ExportFormat.Csv;
        if (c.Args.Value("--format") is { } f && !Tokens.TryParse(f, out format))
        {
            throw new OpsException(ExitCode.BadArguments, "cli.badformat", f);
        }

        var at = c.Args.Value("--at") is { } text ? DueVerb.ParseAt(text, c) : c.Time.GetUtcNow();
        var bytes = c.Connect(Channel.Cli).Execute(new ExportData(kind, format, at));
        if (c.Args.Value("--out") is { } outPath)
        {
            // Written to a temporary file first, so a failed write never leaves half a file.
            var temp = outPath + ".tmp";
            File.WriteAllBytes(temp, bytes);
            File.Move(temp, outPath, overwrite: true);
        }
        else
        {
            c.Io.Stdout.Write(bytes);
            c.Io.Stdout.Flush();
        }

        return ExitCode.Ok;
    }
}
