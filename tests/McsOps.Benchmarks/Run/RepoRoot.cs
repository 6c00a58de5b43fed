namespace McsOps.Benchmarks.Run;

/// <summary>The clone the harness runs in: the nearest directory above holding <c>McsOps.sln</c>.</summary>
internal static class RepoRoot
{
    /// <summary>Searched from the working directory, then from the program's own directory; null outside a clone.</summary>
    public static string? Find() => Above(Environment.CurrentDirectory) ?? Above(AppContext.BaseDirectory);

    private static string? Above(string start)
    {
        for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "McsOps.sln")))
            {
                return dir.FullName;
            }
        }

        return null;
    }
}
