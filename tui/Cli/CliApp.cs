using McsOps.Core;
using McsOps.Core.Configuration;

namespace McsOps.Tui.Cli;

/// <summary>
/// The entry point of <c>mcsops</c>: parses the command line, loads the configuration, runs a
/// verb, and turns every failure into a message and an exit code (design §9) — never a stack trace.
/// </summary>
internal static class CliApp
{
    public static int Run(IReadOnlyList<string> argv, CliIo io, TimeProvider time)
    {
        var args = ParsedArgs.Parse(argv);
        var lang = Lang.Ja;
        try
        {
            var config = Settings.Build(Overrides(args));
            var settings = Settings.Load(config);
            lang = settings.Language;
            if (args.Error is { } error)
            {
                return Fail(io, lang, ExitCode.BadArguments, Text.Get(lang, error.Key, error.Args) + "\n" + Text.Get(lang, "cli.usage"));
            }

            var demo = args.Has("--demo");
            using var context = new CliContext(demo ? DemoVerb.DemoSettings(settings) : settings, time, io, args) { IsDemo = demo };
            return (int)Dispatch(context);
        }
        catch (OpsException e)
        {
            return Fail(io, lang, e.Code, e.Localize(lang));
        }
        catch (Exception e) when (Environment.GetEnvironmentVariable("MCSOPS_DEBUG") is null)
        {
            return Fail(io, lang, ExitCode.InternalError, Text.Get(lang, "cli.internal", e.GetType().Name, e.Message));
        }
    }

    private static ExitCode Dispatch(CliContext c)
    {
        if (c.Args.Has("--help") || c.Args.Verb is "help")
        {
            c.Io.Out.WriteLine(c.T("cli.usage"));
            return ExitCode.Ok;
        }

        return c.Args.Verb switch
        {
            null => DemoVerb.NoVerb(c),
            "import" => ImportVerb.Run(c),
            "export" => ExportVerb.Run(c),
            "audit" => AuditVerb.Run(c),
            "demo" => DemoVerb.Run(c),
            "due" => DueVerb.Run(c),
            "sweep" => SweepVerb.Run(c),
            "backup" or "restore" => BackupVerb.Run(c),
            "key" => KeyVerb.Run(c),
            "link-code" => LinkCodeVerb.Run(c),
            _ => throw new OpsException(ExitCode.BadArguments, "cli.unknownverb", c.Args.Verb),
        };
    }

    private static IEnumerable<KeyValuePair<string, string?>> Overrides(ParsedArgs args)
    {
        if (args.Value("--data-dir") is { } dir)
        {
            yield return new("McsOps:DataDirectory", dir);
        }

        if (args.Value("--lang") is { } lang)
        {
            yield return new("McsOps:Language", lang);
        }
    }

    private static int Fail(CliIo io, Lang lang, ExitCode code, string message)
    {
        io.Stderr.WriteLine("mcsops: " + message);
        return (int)code;
    }
}
