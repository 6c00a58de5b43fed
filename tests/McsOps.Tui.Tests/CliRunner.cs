using System.Diagnostics;
using System.Text;
using McsOps.Tui.Cli;
using Microsoft.Extensions.Time.Testing;

namespace McsOps.Tui.Tests;

/// <summary>Runs <c>mcsops</c> in process on a temporary data directory, or as a real process.</summary>
internal sealed class CliRunner : IDisposable
{
    public CliRunner()
    {
        DataDir = Path.Combine(McsOps.Core.Tests.TestData.Root("mcsops-cli-tests"), Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(DataDir);
    }

    public string DataDir { get; }

    public FakeTimeProvider Time { get; } = new(new DateTimeOffset(2026, 11, 26, 1, 0, 0, TimeSpan.Zero));

    public static string MainDll => Path.Combine(AppContext.BaseDirectory, "mcsops.dll");

    public Result Run(params string[] args)
    {
        using var stdout = new MemoryStream();
        using var stderr = new StringWriter();
        var code = CliApp.Run([.. args, "--data-dir", DataDir], new CliIo(stdout, stderr, false, false), Time);
        return new Result(code, Encoding.UTF8.GetString(stdout.ToArray()), stderr.ToString(), stdout.ToArray());
    }

    public string Write(string name, string content)
    {
        var path = Path.Combine(DataDir, name);
        File.WriteAllText(path, content, new UTF8Encoding(false));
        return path;
    }

    public static Process Start(params string[] args)
    {
        var psi = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, RedirectStandardInput = true };
        psi.ArgumentList.Add(MainDll);
        foreach (var a in args)
        {
            psi.ArgumentList.Add(a);
        }

        return Process.Start(psi)!;
    }

    public static async Task<Result> RunProcessAsync(params string[] args)
    {
        using var p = Start(args);
        p.StandardInput.Close();
        var outTask = p.StandardOutput.ReadToEndAsync();
        var errTask = p.StandardError.ReadToEndAsync();
        using var cts = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await p.WaitForExitAsync(cts.Token);
        var stdout = await outTask;
        return new Result(p.ExitCode, stdout, await errTask, Encoding.UTF8.GetBytes(stdout));
    }

    public void Dispose() => McsOps.Core.Tests.TestData.Delete(DataDir);

    public sealed record Result(int Code, string Stdout, string Stderr, byte[] StdoutBytes);
}
