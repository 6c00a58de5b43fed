using System.Diagnostics;
using System.Globalization;
using McsOps.Benchmarks;

const string Usage = "usage: McsOps.Benchmarks gen --scale <facility|region> --out <dir>";

if (args is ["-h" or "--help" or "help"])
{
    Console.WriteLine(Usage);
    return 0;
}

if (args is not ["gen", ..])
{
    Console.Error.WriteLine(args.Length == 0 ? Usage : $"unknown command '{args[0]}'\n{Usage}");
    return 2;
}

string? scale = null;
string? output = null;
for (var i = 1; i < args.Length; i++)
{
    switch (args[i])
    {
        case "--scale" when i + 1 < args.Length:
            scale = args[++i];
            break;
        case "--out" when i + 1 < args.Length:
            output = args[++i];
            break;
        default:
            Console.Error.WriteLine($"unknown or incomplete option '{args[i]}'\n{Usage}");
            return 2;
    }
}

if (scale is null || output is null)
{
    Console.Error.WriteLine($"gen needs --scale and --out\n{Usage}");
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
