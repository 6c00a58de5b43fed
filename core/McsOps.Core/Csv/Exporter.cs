using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using McsOps.Core.Scheduling;
using McsOps.Core.Storage;

namespace McsOps.Core.Csv;

/// <summary>
/// Writes a kind as CSV (UTF-8 with BOM, Excel-safe) or JSON (an array of objects named by the
/// CSV columns, Japanese written literally), and records the export in the audit log.
/// </summary>
public static class Exporter
{
    public static readonly JsonWriterOptions JsonOptions = new()
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Indented = true,
    };

    public static IReadOnlyList<string> Kinds { get; } = [.. CsvKinds.All.Select(k => k.Name), "audit", "due", "reviews", "actions"];

    public static IReadOnlyList<Column> ReviewColumns { get; } =
    [
        new("review_id"), new("group_code"), new("opened_at"), new("due_on"), new("status"), new("reviewer"), new("adhoc", Type: ColumnType.Bool),
        new("member"), new("decision"), new("justification"), new("decided_by"), new("decided_at"), new("channel"), new("signals", Type: ColumnType.List),
    ];

    public static IReadOnlyList<Column> ActionColumns { get; } =
    [
        new("key"), new("kind"), new("subject"), new("member"), new("owner"), new("due_on"), new("created_at"), new("done_by"), new("done_at"), new("note"),
    ];

    public static IReadOnlyList<Column> AuditColumns { get; } =
    [
        new("sequence", Type: ColumnType.Number), new("at"), new("actor"), new("channel"), new("action"),
        new("subject"), new("details"), new("previous_hash"), new("hash"),
    ];

    /// <summary>Exports one kind; returns the number of rows written. The due list is evaluated at <paramref name="at"/>.</summary>
    public static int Export(IStore store, string kind, ExportFormat format, Stream output, Actor actor, PolicySettings policy, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(store);
        var (columns, rows) = store.Read(session => Collect(session, kind, policy, at));
        if (format == ExportFormat.Json)
        {
            WriteJson(output, columns, rows);
        }
        else
        {
            CsvFile.Write(output, columns.Select(c => c.Name).ToList(), rows);
        }

        store.Write(session => session.Audit.Append(actor, "export", kind, $"format {Tokens.Format(format)}; rows {rows.Count}"));
        return rows.Count;
    }

    public static void WriteJson(Stream output, IReadOnlyList<Column> columns, IEnumerable<IReadOnlyList<string?>> rows)
    {
        using var json = new Utf8JsonWriter(output, JsonOptions);
        json.WriteStartArray();
        foreach (var row in rows)
        {
            json.WriteStartObject();
            for (var i = 0; i < columns.Count; i++)
            {
                WriteValue(json, columns[i], row[i]);
            }

            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.Flush();
        output.WriteByte((byte)'\n');
    }

    private static (IReadOnlyList<Column> Columns, List<IReadOnlyList<string?>> Rows) Collect(IStoreSession session, string kind, PolicySettings policy, DateTimeOffset at)
    {
        switch (kind)
        {
            case "audit":
                return (AuditColumns, session.Audit.All().Select(AuditRow).ToList());
            case "due":
                return (DueExport.Columns, DueList.Compute(session, policy, at).Select(DueExport.Row).ToList());
            case "reviews":
                return (ReviewColumns, session.Reviews.All().OrderBy(r => r.OpenedAt).ThenBy(r => r.Group.Value, StringComparer.Ordinal)
                    .SelectMany(r => r.Items.Select(i => ReviewRow(r, i))).ToList());
            case "actions":
                return (ActionColumns, session.Actions.All().OrderBy(a => a.CreatedAt).ThenBy(a => a.Key, StringComparer.Ordinal).Select(ActionRow).ToList());
        }

        var csvKind = CsvKinds.Find(kind) ?? throw new OpsException(ExitCode.BadArguments, "cli.badkind", kind, string.Join(", ", Kinds));
        return (csvKind.Columns, csvKind.Rows(session).ToList());
    }

    private static IReadOnlyList<string?> ReviewRow(Review r, ReviewItem i) =>
    [
        r.Id, r.Group.Value, Instant(r.OpenedAt), Format.Date(r.DueOn), Tokens.Format(r.Status), r.Reviewer?.Value, Format.Bool(r.AdHoc),
        i.Member.Value, Tokens.Format(i.Decision), i.Justification, i.DecidedBy, Instant(i.DecidedAt), Format.Enum(i.Channel),
        i.Signals == MemberSignal.None ? null : string.Join(';', Enum.GetValues<MemberSignal>().Where(f => f != MemberSignal.None && i.Signals.HasFlag(f)).Select(f => Tokens.Format(f))),
    ];

    private static IReadOnlyList<string?> ActionRow(McsAction a) =>
    [
        a.Key, Tokens.Format(a.Kind), a.Subject, a.Member?.Value, a.Owner?.Value, Format.Date(a.DueOn), Instant(a.CreatedAt), a.DoneBy, Instant(a.DoneAt), a.Note,
    ];

    private static string? Instant(DateTimeOffset? t) => t?.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

    private static IReadOnlyList<string?> AuditRow(AuditEntry e) =>
    [
        e.Sequence.ToString(CultureInfo.InvariantCulture),
        Instant(e.At),
        e.Actor, Tokens.Format(e.Channel), e.Action, e.Subject, e.Details, e.PreviousHash, e.Hash,
    ];

    private static void WriteValue(Utf8JsonWriter json, Column column, string? value)
    {
        json.WritePropertyName(column.Name);
        if (value is null)
        {
            json.WriteNullValue();
            return;
        }

        switch (column.Type)
        {
            case ColumnType.Bool:
                json.WriteBooleanValue(value == "true");
                break;
            case ColumnType.Number:
                json.WriteNumberValue(long.Parse(value, CultureInfo.InvariantCulture));
                break;
            case ColumnType.List:
                json.WriteStartArray();
                foreach (var part in value.Split(';'))
                {
                    json.WriteStringValue(part);
                }

                json.WriteEndArray();
                break;
            default:
                json.WriteStringValue(value);
                break;
        }
    }
}
