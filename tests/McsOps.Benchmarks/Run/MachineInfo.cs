using System.ComponentModel;
using System.Diagnostics;
using System.Runtime.InteropServices;
using System.Text.Json.Serialization;

namespace McsOps.Benchmarks.Run;

/// <summary>Where the figures came from, so that two runs can be compared.</summary>
internal sealed record MachineInfo(
    [property: JsonPropertyName("cores")] int Cores,
    [property: JsonPropertyName("dotnet")] string Dotnet,
    [property: JsonPropertyName("os")] string Os,
    [property: JsonPropertyName("git_commit")] string? GitCommit)
{
    public static MachineInfo Current(string? repo) =>
        new(Environment.ProcessorCount, Environment.Version.ToString(), RuntimeInformation.OSDescription, GitCommitOf(repo));

    /// <summary><c>git rev-parse HEAD</c> in the clone; null without git, outside a clone, or on any failure.</summary>
    private static string? GitCommitOf(string? repo)
    {
        if (repo is null)
        {
            return null;
        }

        try
        {
            var psi = new ProcessStartInfo("git", ["rev-parse", "HEAD"])
            {
                WorkingDirectory = repo,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            using var git = Process.Start(psi);
            if (git is null)
            {
                return null;
            }

            var errors = git.StandardError.ReadToEndAsync();
            var output = git.StandardOutput.ReadToEnd().Trim();
            if (!git.WaitForExit(TimeSpan.FromSeconds(10)))
            {
                git.Kill();
                return null;
            }

            _ = errors.Result;
            return git.ExitCode == 0 && output.Length > 0 ? output : null;
        }
        catch (Win32Exception)
        {
            return null;
        }
    }
}
