using McsOps.Core;

namespace McsOps.Tui.Cli;

/// <summary>
/// <c>mcsops sweep [--at DATE|DATETIME]</c>: one scheduler sweep, as the service runs it every 15
/// minutes: opens due reviews, escalates, writes reminders to the outbox.
/// </summary>
internal static class SweepVerb
{
    public static ExitCode Run(CliContext c)
    {
        if (c.Args.Positional.Count != 1)
        {
            throw new OpsException(ExitCode.BadArguments, "cli.sweep.usage");
        }

        var at = c.Args.Value("--at") is { } text ? DueVerb.ParseAt(text, c) : c.Time.GetUtcNow();
        var result = c.Connect(Channel.Cli).Execute(new RunSweep(at));
        c.Io.Out.WriteLine(c.T("sweep.done", result.ReviewsOpened, result.ReviewsEscalated, result.MessagesEnqueued));
        return ExitCode.Ok;
    }
}
