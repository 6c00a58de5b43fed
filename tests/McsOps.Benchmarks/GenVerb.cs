using System.Diagnostics;
using System.Globalization;

namespace McsOps.Benchmarks;

/// <summary><c>gen --scale facility|region --out DIR</c>: writes the six CSV files of a scale.</summary>
internal static class GenVerb
{
    public const string Usage = "McsOps.Benchmarks gen --scale <facility|region> --out <dir>";

    public static int Run(IReadOnlyList<string> args)
    {
        string? scale = null;
        string? output = null;
        for (var i = 0; i < args.Count; i++)
        {
            switch (args[i])
            {
                case "--scale" when i + 1 < args.Count:
                    scale = args[++i];
                    break;
                case "--out" when i + 1 < args.Count:
                    output = args[++i];
                    break;
                default:
                    Console.Error.WriteLine($"unknown or incomplete option '{args[i]}'\nusage: {Usage}");
                    return 2;
            }
        }

        if (scale is null || output is null)
        {
            Console.Error.WriteLine($"gen needs --scale and --out\nusage: {Usage}");
            return 2;
        }

        if (ScaleProfile.Find(scale) is not { } profile)
        {
            Console.Error.WriteLine($"unknown scale '{scale}': {string.Join(", ", ScaleProfile.All.Select(p => p.Name))}");
            return 2;
        }

        var watch = Stopwatch.StartNew();
        var written = ScaleGenerator.WriteTo(profile, output);
        watch.Stop();
        foreach (var (file, rows) in written)
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{file}\t{rows,9:N0} rows"));
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{profile.Name}: generated in {watch.Elapsed.TotalSeconds:F2} s (dates as of {ScaleGenerator.AsOf:yyyy-MM-dd})"));
        return 0;
    }
}
