using McsOps.Core;
using McsOps.Core.Application;
using McsOps.Core.Csv;

namespace McsOps.Tui.Cli;

/// <summary>
/// <c>mcsops import &lt;kind&gt; &lt;file&gt; [--dry-run]</c>: all or nothing, every error with its line.
/// This process opens the file: embedded, the import reads it; through the service, it is streamed.
/// </summary>
internal static class ImportVerb
{
    public static ExitCode Run(CliContext c)
    {
        if (c.Args.Positional.Count != 3)
        {
            throw new OpsException(ExitCode.BadArguments, "cli.import.usage");
        }

        var kind = CsvKinds.Find(c.Args.Positional[1])
            ?? throw new OpsException(ExitCode.BadArguments, "cli.badkind", c.Args.Positional[1], string.Join(", ", CsvKinds.All.Select(k => k.Name)));
        var path = c.Args.Positional[2];
        if (!File.Exists(path))
        {
            throw new OpsException(ExitCode.BadArguments, "cli.nofile", path);
        }

        var client = c.Connect(Channel.Cli);
        var progress = c.Io.StderrIsTerminal ? new ProgressBar(c.Io.Stderr) : null;
        var result = client.Execute(new ImportCsv(kind.Name, FileContent.OfFile(path), path, c.Args.Has("--dry-run")) { Progress = progress });
        progress?.Finish();
        if (result.Rejected)
        {
            foreach (var e in result.Errors)
            {
                c.Io.Stderr.WriteLine(e.Format(c.Lang));
            }

            c.Io.Stderr.WriteLine(c.T("import.rejected", result.Errors.Count));
            return ExitCode.InputRejected;
        }

        c.Io.Out.WriteLine(c.T(c.Args.Has("--dry-run") ? "import.dryrun" : "import.done", result.Kind, result.Created, result.Updated, result.Unchanged));
        return ExitCode.Ok;
    }
}
