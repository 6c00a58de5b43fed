using McsOps.Core;
using McsOps.Core.Audit;

namespace McsOps.Tui.Cli;

/// <summary><c>mcsops audit verify</c>: walks the chain; exit 0 with the count, or 5 naming the first broken link.</summary>
internal static class AuditVerb
{
    public static ExitCode Run(CliContext c)
    {
        if (c.Args.Positional is not [_, "verify"])
        {
            throw new OpsException(ExitCode.BadArguments, "cli.audit.usage");
        }

        var result = c.Connect(Channel.Cli).Execute(new VerifyAuditChain());
        if (result.FirstBroken is { } broken)
        {
            c.Io.Stderr.WriteLine("mcsops: " + c.T("audit.broken", broken, result.Verified));
            return ExitCode.IntegrityBroken;
        }

        c.Io.Out.WriteLine(c.T("audit.ok", result.Verified));
        return ExitCode.Ok;
    }
}
