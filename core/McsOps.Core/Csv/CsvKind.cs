using McsOps.Core.Storage;

namespace McsOps.Core.Csv;

/// <summary>
/// The import engine shared by every kind: header check, row parsing, duplicate keys, the kind's
/// cross-row checks, then — only if nothing at all is wrong — one write transaction that upserts
/// by code, audits each created or changed record, and applies the same consequences an admin's
/// operation would have. A record whose cells are unchanged is not touched, so re-importing a
/// file writes nothing.
/// </summary>
public abstract class CsvKind<TKey, T> : ICsvKind
    where TKey : notnull
    where T : class
{
    public abstract string Name { get; }

    public abstract IReadOnlyList<Column> Columns { get; }

    public ImportResult Import(IStore store, CsvTable table, string fileName, Actor actor, ImportOptions options)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(options);
        var errors = new List<ImportError>();
        var columns = CheckHeader(table.Header, fileName, errors);
        if (errors.Count > 0)
        {
            return new ImportResult(Name, 0, 0, 0, errors);
        }

        var reader = new RowReader(columns, errors, fileName);
        var parsed = new List<(int Line, T Entity)>(table.Rows.Count);
        var seen = new Dictionary<TKey, int>();
        foreach (var row in table.Rows)
        {
            reader.MoveTo(row);
            if (row.Fields.Count > table.Header.Count)
            {
                reader.Fail(null, "csv.extrafields", row.Fields.Count, table.Header.Count);
                continue;
            }

            var before = reader.ErrorCount;
            var entity = Parse(reader);
            if (reader.ErrorCount > before)
            {
                continue;
            }

            var key = KeyOf(entity);
            if (seen.TryGetValue(key, out var firstLine))
            {
                reader.Fail(Columns[0].Name, "csv.duplicate", SubjectOf(entity), firstLine);
                continue;
            }

            seen[key] = row.Line;
            parsed.Add((row.Line, entity));
        }

        // Checks and writes share one transaction and one context: what was checked is what is
        // written, and stored data is read once, while the transaction is still small (LiteDB
        // queries slow down as a transaction grows). A rejected file or a dry run writes nothing.
        return store.Write(session =>
        {
            var context = new ImportContext(session, options.Time);
            CheckAll(parsed, context, (line, column, key, args) =>
                errors.Add(new ImportError(fileName, line, column, new LocalizedReason(key, args))));
            if (errors.Count > 0)
            {
                errors.Sort((a, b) => a.Line.CompareTo(b.Line));
                return new ImportResult(Name, 0, 0, 0, errors);
            }

            return options.DryRun
                ? Count(session, parsed, context)
                : Apply(session, parsed, context, actor, fileName, options.Progress);
        });
    }

    public IEnumerable<IReadOnlyList<string?>> Rows(IStoreSession session) =>
        Repository(session).All().OrderBy(SubjectOf, StringComparer.Ordinal).Select(ToRow);

    /// <summary>Reads one row; reports its faults through the reader.</summary>
    protected abstract T Parse(RowReader row);

    /// <summary>The cells of a record, in <see cref="Columns"/> order.</summary>
    protected abstract IReadOnlyList<string?> ToRow(T entity);

    protected abstract TKey KeyOf(T entity);

    /// <summary>The code that audit entries and messages name the record by.</summary>
    protected abstract string SubjectOf(T entity);

    protected abstract IRepository<TKey, T> Repository(IStoreSession session);

    /// <summary>Checks that need other rows or stored data: references, uniqueness across records.</summary>
    protected virtual void CheckAll(IReadOnlyList<(int Line, T Entity)> rows, ImportContext context, ReportError report)
    {
    }

    /// <summary>
    /// The record as it will be stored: the incoming row merged with what is kept of the stored
    /// one (a history), and with consequences that change the record itself applied.
    /// </summary>
    protected virtual T Prepare(T incoming, T? existing, ImportContext context, Actor actor) => incoming;

    /// <summary>Consequences on other records, after the record was created or changed.</summary>
    protected virtual void AfterWrite(T stored, T? previous, ImportContext context, Actor actor)
    {
    }

    private Dictionary<string, int> CheckHeader(IReadOnlyList<string> header, string fileName, List<ImportError> errors)
    {
        var map = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < header.Count; i++)
        {
            var name = header[i].Trim().TrimStart('\uFEFF').ToLowerInvariant();
            if (name.Length == 0 && i == header.Count - 1)
            {
                continue; // a trailing comma that Excel left
            }

            if (Columns.All(c => c.Name != name))
            {
                errors.Add(new ImportError(fileName, 1, name, new LocalizedReason("csv.unknowncolumn", string.Join(",", Columns.Select(c => c.Name)))));
            }
            else if (!map.TryAdd(name, i))
            {
                errors.Add(new ImportError(fileName, 1, name, new LocalizedReason("csv.dupcolumn")));
            }
        }

        foreach (var c in Columns.Where(c => c.Required && !map.ContainsKey(c.Name)))
        {
            errors.Add(new ImportError(fileName, 1, c.Name, new LocalizedReason("csv.missingcolumn")));
        }

        return map;
    }

    private ImportResult Count(IStoreSession session, List<(int Line, T Entity)> rows, ImportContext context)
    {
        int created = 0, updated = 0, unchanged = 0;
        var find = Finder(session, rows.Count);
        foreach (var (_, incoming) in rows)
        {
            var existing = find(KeyOf(incoming));
            if (existing is null)
            {
                created++;
            }
            else if (Changed(existing, Prepare(incoming, existing, context, Actor.System)).Count > 0)
            {
                updated++;
            }
            else
            {
                unchanged++;
            }
        }

        return new ImportResult(Name, created, updated, unchanged, []);
    }

    private ImportResult Apply(IStoreSession session, List<(int Line, T Entity)> rows, ImportContext context, Actor actor, string fileName, IProgress<(int Done, int Total)>? progress)
    {
        int created = 0, updated = 0, unchanged = 0, done = 0;
        var repo = Repository(session);
        var source = Path.GetFileName(fileName);
        var find = Finder(session, rows.Count);
        foreach (var (_, incoming) in rows)
        {
            var existing = find(KeyOf(incoming));
            var stored = Prepare(incoming, existing, context, actor);
            if (existing is null)
            {
                repo.Insert(stored);
                session.Audit.Append(actor, Name + ".create", SubjectOf(stored), "import " + source);
                created++;
                AfterWrite(stored, null, context, actor);
            }
            else if (Changed(existing, stored) is { Count: > 0 } changed)
            {
                repo.Upsert(stored);
                session.Audit.Append(actor, Name + ".update", SubjectOf(stored), $"import {source}; changed: {string.Join(",", changed)}");
                updated++;
                AfterWrite(stored, existing, context, actor);
            }
            else
            {
                unchanged++;
            }

            if (++done % 1000 == 0)
            {
                progress?.Report((done, rows.Count));
            }
        }

        progress?.Report((done, rows.Count));
        context.FlushLeavers(actor);
        if (created + updated > 0)
        {
            ReviewGuard.CloseUnreviewable(session, actor);
        }
        return new ImportResult(Name, created, updated, unchanged, []);
    }

    /// <summary>
    /// How stored records are looked up: none for the first import of a kind, one pass over the
    /// collection for a large file (a look-up per row costs more than reading them all), one
    /// look-up per row otherwise.
    /// </summary>
    private Func<TKey, T?> Finder(IStoreSession session, int rows)
    {
        var repo = Repository(session);
        var stored = repo.Count();
        if (stored == 0)
        {
            return _ => null;
        }

        if (rows > 5000)
        {
            var all = repo.All().ToDictionary(KeyOf);
            return key => all.GetValueOrDefault(key);
        }

        return repo.Find;
    }

    private List<string> Changed(T existing, T incoming)
    {
        var a = ToRow(existing);
        var b = ToRow(incoming);
        var changed = new List<string>();
        for (var i = 0; i < a.Count; i++)
        {
            if (!string.Equals(a[i], b[i], StringComparison.Ordinal))
            {
                changed.Add(Columns[i].Name);
            }
        }

        return changed;
    }
}

/// <summary>Reports a cross-row error: line, column, message key and its arguments.</summary>
public delegate void ReportError(int line, string? column, string key, params object?[] args);
