using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace McsOps.Bot.Tests;

/// <summary>The real programs as child processes: <c>mcsops-bot</c> and <c>mcsops</c>, from the test's output directory.</summary>
internal static class Programs
{
    /// <summary>Starts <c>mcsops-bot</c> on <paramref name="dir"/> with a loopback port; stderr stays redirected for the caller, stdout is drained.</summary>
    public static Process StartBot(string dir, params string[] args)
    {
        var psi = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        string[] all = [Path.Combine(AppContext.BaseDirectory, "mcsops-bot.dll"), "--McsOps:DataDirectory=" + dir, "--urls=http://127.0.0.1:0", .. args];
        foreach (var a in all)
        {
            psi.ArgumentList.Add(a);
        }

        var process = Process.Start(psi)!;
        process.OutputDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        KillWhenTheTestsEnd(process);
        return process;
    }

    /// <summary>Runs <c>mcsops</c> on <paramref name="dir"/> in English to its end (at most 60 s); stdin is closed.</summary>
    public static async Task<(int Code, string Stdout, string Stderr)> McsopsAsync(string dir, params string[] args)
    {
        using var process = StartMcsops(dir, args);
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await stdout, await stderr);
    }

    /// <summary>Starts <c>mcsops</c> on <paramref name="dir"/> in English; the caller reads its output.</summary>
    public static Process StartMcsops(string dir, params string[] args)
    {
        var psi = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, RedirectStandardInput = true };
        string[] all = [Path.Combine(AppContext.BaseDirectory, "mcsops.dll"), "--data-dir", dir, "--lang", "en", .. args];
        foreach (var a in all)
        {
            psi.ArgumentList.Add(a);
        }

        var process = Process.Start(psi)!;
        process.StandardInput.Close();
        KillWhenTheTestsEnd(process);
        return process;
    }

    /// <summary>The process's resident set now and at its peak (VmRSS, VmHWM of <c>/proc/PID/status</c>), in bytes.</summary>
    public static (long Now, long Peak) Memory(Process process)
    {
        ArgumentNullException.ThrowIfNull(process);
        var status = File.ReadAllLines($"/proc/{process.Id}/status");
        long Kb(string key) => long.Parse(status.First(l => l.StartsWith(key, StringComparison.Ordinal))[key.Length..].Trim().Split(' ')[0], CultureInfo.InvariantCulture) * 1024;
        return (Kb("VmRSS:"), Kb("VmHWM:"));
    }

    /// <summary>
    /// A test that fails before it stops its child leaves it running (a service keeps its port, its
    /// data directory and a sweep every 15 minutes; found: two such services half an hour after a
    /// failed run): whatever is still running when the test host exits is killed then — the same
    /// process (its id and start time), not another that took its id since.
    /// </summary>
    private static void KillWhenTheTestsEnd(Process process)
    {
        var (pid, started) = (process.Id, process.StartTime);
        AppDomain.CurrentDomain.ProcessExit += (_, _) =>
        {
            try
            {
                using var child = Process.GetProcessById(pid);
                if (child.StartTime == started)
                {
                    child.Kill(entireProcessTree: true);
                }
            }
            catch (Exception e) when (e is ArgumentException or InvalidOperationException or System.ComponentModel.Win32Exception)
            {
                // Gone already.
            }
        };
    }

    /// <summary>Polls <c>/readyz</c> until it answers 200 (at most 120 s); throws when the process ends first.</summary>
    public static async Task WaitReadyAsync(HttpClient http, Process bot)
    {
        var waited = Stopwatch.StartNew();
        while (waited.Elapsed < TimeSpan.FromSeconds(120))
        {
            if (bot.HasExited)
            {
                throw new InvalidOperationException(string.Create(CultureInfo.InvariantCulture, $"mcsops-bot exited with {bot.ExitCode} before it was ready"));
            }

            try
            {
                using var response = await http.GetAsync(new Uri("readyz", UriKind.Relative));
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }

            await Task.Delay(50);
        }

        throw new TimeoutException("mcsops-bot was not ready after 120 s");
    }

    /// <summary>A loopback port nobody listens on (for <c>--urls</c>).</summary>
    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
