using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
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

    public static IReadOnlyList<string> Kinds { get; } = [.. CsvKinds.All.Select(k => k.Name), "audit"];

    public static IReadOnlyList<Column> AuditColumns { get; } =
    [
        new("sequence", Type: ColumnType.Number), new("at"), new("actor"), new("channel"), new("action"),
        new("subject"), new("details"), new("previous_hash"), new("hash"),
    ];

    /// <summary>Exports one kind; returns the number of rows written.</summary>
    public static int Export(IStore store, string kind, ExportFormat format, Stream output, Actor actor)
    {
        ArgumentNullException.ThrowIfNull(store);
        var (columns, rows) = store.Read(session => Collect(session, kind));
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

    private static (IReadOnlyList<Column> Columns, List<IReadOnlyList<string?>> Rows) Collect(IStoreSession session, string kind)
    {
        if (kind == "audit")
        {
            return (AuditColumns, session.Audit.All().Select(AuditRow).ToList());
        }

        var csvKind = CsvKinds.Find(kind) ?? throw new OpsException(ExitCode.BadArguments, "cli.badkind", kind, string.Join(", ", Kinds));
        return (csvKind.Columns, csvKind.Rows(session).ToList());
    }

    private static IReadOnlyList<string?> AuditRow(AuditEntry e) =>
    [
        e.Sequence.ToString(CultureInfo.InvariantCulture),
        e.At.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture),
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
