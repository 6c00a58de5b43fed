namespace McsOps.Core.Tests;

/// <summary>
/// Where the tests put their data directories. Normally a temporary folder, deleted after each
/// test; with <c>MCSOPS_TEST_DATA</c> set (<c>.ci/run</c> sets it), under that directory and
/// left there, so that the data-at-rest check (issue 8 item 6) can grep every database, log,
/// backup and temporary file the tests made for names, e-mails and chat tokens in plain text.
/// </summary>
internal static class TestData
{
    public const string Variable = "MCSOPS_TEST_DATA";

    private static string? KeptRoot => Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } root ? root : null;

    /// <summary>True when the data directories are to be left for the check.</summary>
    public static bool Keep => KeptRoot is not null;

    /// <summary>The folder <paramref name="name"/> under the kept root, else under <paramref name="fallback"/> (the temp path).</summary>
    public static string Root(string name, string? fallback = null) => Path.Combine(KeptRoot ?? fallback ?? Path.GetTempPath(), name);

    /// <summary>Deletes a data directory, unless the directories are kept.</summary>
    public static void Delete(string directory)
    {
        if (Keep)
        {
            return;
        }

        try
        {
            Directory.Delete(directory, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
