using System.Text;

namespace McsOps.Tui.Cli;

/// <summary>
/// Where a command writes: stdout as bytes (CSV exports carry a BOM, JSON must be nothing but
/// JSON) and stderr as text for messages and progress.
/// </summary>
internal sealed class CliIo(Stream stdout, TextWriter stderr, bool stdoutIsTerminal, bool stderrIsTerminal)
{
    private StreamWriter? _out;

    public Stream Stdout { get; } = stdout;

    public TextWriter Stderr { get; } = stderr;

    public bool StdoutIsTerminal { get; } = stdoutIsTerminal;

    public bool StderrIsTerminal { get; } = stderrIsTerminal;

    /// <summary>Text on stdout, UTF-8 without BOM.</summary>
    public TextWriter Out => _out ??= new StreamWriter(Stdout, new UTF8Encoding(false), leaveOpen: true) { AutoFlush = true, NewLine = "\n" };

    public static CliIo FromConsole()
    {
        var err = new StreamWriter(Console.OpenStandardError(), new UTF8Encoding(false)) { AutoFlush = true, NewLine = "\n" };
        return new CliIo(Console.OpenStandardOutput(), err, !Console.IsOutputRedirected, !Console.IsErrorRedirected);
    }
}
