using McsOps.Core.Csv;

namespace McsOps.Core;

/// <summary>The due list as export rows: the JSON field names are exactly these columns.</summary>
public static class DueExport
{
    public static IReadOnlyList<Column> Columns { get; } =
        [new("category"), new("kind"), new("severity"), new("subject"), new("due"), new("owner"), new("detail")];

    public static IReadOnlyList<string?> Row(DueFinding f)
    {
        ArgumentNullException.ThrowIfNull(f);
        return [Tokens.Format(f.Category), f.Kind, Tokens.Format(f.Severity), f.Subject, Format.Date(f.Due), f.Owner?.Value, f.Detail];
    }
}
