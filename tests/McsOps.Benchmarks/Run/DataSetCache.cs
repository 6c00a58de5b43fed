using System.Security.Cryptography;
using McsOps.Core.Csv;

namespace McsOps.Benchmarks.Run;

/// <summary>
/// The generated CSV files of a scale, kept in <c>&lt;repo&gt;/.bench/&lt;scale&gt;-&lt;seed&gt;/</c>
/// (git-ignored) and reused while they are what this build would write: <c>manifest.txt</c>,
/// written last, names the builds of the generator and of core (their module version ids, stable
/// across rebuilds of the same source) and each file's size and SHA-256. Anything else — a missing
/// or edited file, a changed generator — and the set is written again (under a second for region).
/// </summary>
internal static class DataSetCache
{
    private const string Manifest = "manifest.txt";

    public static (string Directory, bool Reused) Ensure(ScaleProfile profile, string cacheRoot)
    {
        ArgumentNullException.ThrowIfNull(profile);
        var dir = Path.Combine(cacheRoot, $"{profile.Name}-{profile.Seed}");
        var manifest = Path.Combine(dir, Manifest);
        if (File.Exists(manifest) && File.ReadAllText(manifest) == Describe(dir))
        {
            return (dir, true);
        }

        if (Directory.Exists(dir))
        {
            Directory.Delete(dir, recursive: true);
        }

        ScaleGenerator.WriteTo(profile, dir);
        var temp = manifest + ".tmp";
        File.WriteAllText(temp, Describe(dir));
        File.Move(temp, manifest, overwrite: true);
        return (dir, false);
    }

    private static string Describe(string dir)
    {
        var lines = new List<string>
        {
            $"generator {typeof(ScaleGenerator).Assembly.ManifestModule.ModuleVersionId}",
            $"core {typeof(CsvFile).Assembly.ManifestModule.ModuleVersionId}",
        };
        foreach (var kind in ScaleGenerator.Kinds)
        {
            var path = Path.Combine(dir, kind + ".csv");
            if (!File.Exists(path))
            {
                lines.Add($"{kind}.csv missing");
                continue;
            }

            using var stream = File.OpenRead(path);
            lines.Add($"{kind}.csv {stream.Length} {Convert.ToHexStringLower(SHA256.HashData(stream))}");
        }

        return string.Join('\n', lines) + "\n";
    }
}
