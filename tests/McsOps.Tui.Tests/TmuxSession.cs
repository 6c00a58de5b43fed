using System.Diagnostics;

namespace McsOps.Tui.Tests;

/// <summary>
/// A detached tmux session on a private server socket (<c>tmux -S</c>), so that a test never
/// touches anybody else's tmux; the server is killed and its socket deleted on dispose.
/// </summary>
internal sealed class TmuxSession : IDisposable
{
    private readonly string _socket = Path.Combine(Path.GetTempPath(), "mcsops-tmux-" + Guid.NewGuid().ToString("N")[..12]);

    public TmuxSession(int width, int height, string command)
    {
        Tmux("new-session", "-d", "-s", "t", "-x", width.ToString(System.Globalization.CultureInfo.InvariantCulture),
            "-y", height.ToString(System.Globalization.CultureInfo.InvariantCulture), command);
    }

    public void SendKeys(params string[] keys) => Tmux(["send-keys", "-t", "t", .. keys]);

    public string Capture() => Tmux("capture-pane", "-p", "-t", "t");

    /// <summary>Polls the pane until <paramref name="condition"/> holds; fails with the last screen after the timeout.</summary>
    /// <paramref name="retry"/>, when given, is sent once a second while waiting: a key pressed
    /// right after Escape may be read as Alt+key, so a probe key is repeated until it shows.
    public async Task<string> WaitFor(Func<string, bool> condition, string what, int seconds = 60, string? retry = null)
    {
        var clock = Stopwatch.StartNew();
        var lastRetry = clock.Elapsed;
        var screen = Capture();
        while (!condition(screen))
        {
            if (clock.Elapsed > TimeSpan.FromSeconds(seconds))
            {
                throw new TimeoutException($"waited {seconds} s for {what}; the screen was:\n{screen}");
            }

            if (retry is not null && clock.Elapsed - lastRetry > TimeSpan.FromSeconds(1))
            {
                SendKeys(retry);
                lastRetry = clock.Elapsed;
            }

            await Task.Delay(50);
            screen = Capture();
        }

        return screen;
    }

    public void Dispose()
    {
        try
        {
            Tmux("kill-server");
        }
        catch (InvalidOperationException)
        {
        }

        File.Delete(_socket);
    }

    private string Tmux(params string[] args)
    {
        var psi = new ProcessStartInfo("tmux") { RedirectStandardOutput = true, RedirectStandardError = true, RedirectStandardInput = true };
        psi.ArgumentList.Add("-S");
        psi.ArgumentList.Add(_socket);
        foreach (var a in args)
        {
            psi.ArgumentList.Add(a);
        }

        using var p = Process.Start(psi)!;
        p.StandardInput.Close();
        var output = p.StandardOutput.ReadToEnd();
        var error = p.StandardError.ReadToEnd();
        if (!p.WaitForExit(TimeSpan.FromSeconds(30)))
        {
            p.Kill();
            throw new InvalidOperationException("tmux " + string.Join(' ', args) + " hung");
        }

        return p.ExitCode == 0 ? output : throw new InvalidOperationException($"tmux {string.Join(' ', args)} exited {p.ExitCode}: {error}");
    }
}
