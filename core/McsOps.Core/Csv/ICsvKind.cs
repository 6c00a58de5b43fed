using McsOps.Core.Storage;

namespace McsOps.Core.Csv;

/// <summary>One kind of record that McsOps imports and exports as CSV (and exports as JSON).</summary>
public interface ICsvKind
{
    string Name { get; }

    IReadOnlyList<Column> Columns { get; }

    /// <summary>Validates the whole table and, when nothing is wrong and this is not a dry run, writes it.</summary>
    ImportResult Import(IStore store, CsvTable table, string fileName, Actor actor, ImportOptions options);

    /// <summary>Every stored record as cells in <see cref="Columns"/> order, sorted by code.</summary>
    IEnumerable<IReadOnlyList<string?>> Rows(IStoreSession session);
}
