using McsOps.Benchmarks.Harness;

namespace McsOps.Benchmarks.Run;

/// <summary>The arguments of <c>run</c>: the scale, the rows to run (all unless <c>--only</c>) and where to write the JSON.</summary>
internal sealed record RunOptions(ScaleProfile Scale, IReadOnlyList<IBenchmark> Rows, string? JsonPath)
{
    /// <summary>Null with a message for a bad or incomplete argument, an unknown scale or an unknown row name.</summary>
    public static RunOptions? Parse(IReadOnlyList<string> args, IReadOnlyList<IBenchmark> catalog, out string? error)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(catalog);
        string? scale = null;
        string? json = null;
        List<string>? only = null;
        for (var i = 0; i < args.Count; i++)
        {
            switch (args[i])
            {
                case "--scale" when i + 1 < args.Count:
                    scale = args[++i];
                    break;
                case "--json" when i + 1 < args.Count:
                    json = args[++i];
                    break;
                case "--only" when i + 1 < args.Count:
                    only ??= [];
                    only.AddRange(args[++i].Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
                    break;
                default:
                    error = $"unknown or incomplete option '{args[i]}'";
                    return null;
            }
        }

        if (scale is null)
        {
            error = "run needs --scale";
            return null;
        }

        if (ScaleProfile.Find(scale) is not { } profile)
        {
            error = $"unknown scale '{scale}': {string.Join(", ", ScaleProfile.All.Select(p => p.Name))}";
            return null;
        }

        var rows = catalog;
        if (only is not null)
        {
            var unknown = only.Where(n => !catalog.Any(b => b.Name == n)).ToList();
            if (only.Count == 0 || unknown.Count > 0)
            {
                error = (unknown.Count > 0 ? $"unknown row '{string.Join("', '", unknown)}'" : "--only names no row")
                        + $"; rows: {string.Join(", ", catalog.Select(b => b.Name))}";
                return null;
            }

            rows = [.. catalog.Where(b => only.Contains(b.Name))];
        }

        if (json is not null && Path.GetDirectoryName(Path.GetFullPath(json)) is { } dir && !Directory.Exists(dir))
        {
            error = $"--json: directory '{dir}' does not exist";
            return null;
        }

        error = null;
        return new RunOptions(profile, rows, json);
    }
}
