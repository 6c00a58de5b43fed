using System.Diagnostics;

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
        return process;
    }
}
