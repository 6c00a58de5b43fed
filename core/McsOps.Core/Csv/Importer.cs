using McsOps.Core.Storage;

namespace McsOps.Core.Csv;

/// <summary>Reads a file from disk and imports it as one kind, all or nothing.</summary>
public static class Importer
{
    public static ImportResult Import(IStore store, ICsvKind kind, string path, Actor actor, ImportOptions options) =>
        ImportBytes(store, kind, File.ReadAllBytes(path), path, actor, options);

    /// <summary>Imports the bytes of a file (UTF-8 or CP932, <see cref="CsvFile.Decode"/>); a file that cannot be decoded is rejected like a bad row.</summary>
    public static ImportResult ImportBytes(IStore store, ICsvKind kind, byte[] bytes, string fileName, Actor actor, ImportOptions options)
    {
        ArgumentNullException.ThrowIfNull(kind);
        var errors = new List<ImportError>();
        return CsvFile.TryDecode(bytes, fileName, errors) is { } text
            ? ImportText(store, kind, text, fileName, actor, options)
            : new ImportResult(kind.Name, 0, 0, 0, errors);
    }

    /// <summary>Imports CSV text (the demo facility, tests) as if it were a file of that name.</summary>
    public static ImportResult ImportText(IStore store, ICsvKind kind, string text, string fileName, Actor actor, ImportOptions options)
    {
        ArgumentNullException.ThrowIfNull(kind);
        var errors = new List<ImportError>();
        var table = CsvFile.Parse(text, fileName, errors);
        return errors.Count > 0
            ? new ImportResult(kind.Name, 0, 0, 0, errors)
            : kind.Import(store, table, fileName, actor, options);
    }
}
