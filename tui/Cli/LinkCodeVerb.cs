using McsOps.Core;

namespace McsOps.Tui.Cli;

/// <summary>
/// <c>mcsops link-code S-0012</c>: issues a one-time chat link code (24 hours, single use; it voids
/// the member's previous code) and prints only the code, so that it can be piped. The audit entry
/// records the issue, never the code.
/// </summary>
internal static class LinkCodeVerb
{
    public static ExitCode Run(CliContext c)
    {
        if (c.Args.Positional is not ["link-code", var text])
        {
            throw new OpsException(ExitCode.BadArguments, "cli.linkcode.usage");
        }

        if (!Code.TryParse<StaffCode>(text, out var staff))
        {
            throw new OpsException(ExitCode.BadArguments, "cli.badstaffcode", text);
        }

        c.Io.Out.WriteLine(c.Connect(Channel.Cli).Execute(new IssueLinkCode(staff)));
        return ExitCode.Ok;
    }
}
