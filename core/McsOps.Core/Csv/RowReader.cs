using System.Globalization;

namespace McsOps.Core.Csv;

/// <summary>
/// Reads the fields of one row by column name, converting them and collecting an error per
/// field that is wrong, so that every fault of a file is reported at once.
/// </summary>
public sealed class RowReader
{
    public const int MaxCellLength = 1000;
    private static readonly string[] DateFormats = ["yyyy-M-d", "yyyy/M/d"];
    private readonly IReadOnlyDictionary<string, int> _columns;
    private readonly List<ImportError> _errors;
    private readonly string _file;
    private CsvRow _row = new(0, []);

    public RowReader(IReadOnlyDictionary<string, int> columns, List<ImportError> errors, string file)
    {
        _columns = columns;
        _errors = errors;
        _file = file;
    }

    public int Line => _row.Line;

    public int ErrorCount => _errors.Count;

    public void MoveTo(CsvRow row) => _row = row;

    public void Fail(string? column, string key, params object?[] args) =>
        _errors.Add(new ImportError(_file, _row.Line, column, new LocalizedReason(key, args)));

    /// <summary>The trimmed text of a column, or null when the column is absent, the cell empty or not allowed.</summary>
    public string? Optional(string column) => Cell(column, out _);

    public string Required(string column)
    {
        var v = Cell(column, out var invalid);
        if (v is null && !invalid)
        {
            Fail(column, "csv.required");
        }

        return v ?? string.Empty;
    }

    private string? Cell(string column, out bool invalid)
    {
        invalid = false;
        if (!_columns.TryGetValue(column, out var i) || i >= _row.Fields.Count)
        {
            return null;
        }

        var cell = CsvFile.Unneutralize(_row.Fields[i].Trim());
        if (cell.Length == 0)
        {
            return null;
        }

        invalid = true;
        if (cell.Length > MaxCellLength)
        {
            Fail(column, "csv.toolong", MaxCellLength);
            return null;
        }

        if (cell.Any(c => (c < ' ' && c is not '\t' and not '\n' and not '\r') || c == '\uFEFF' || c == '\u007F'))
        {
            Fail(column, "csv.badchar");
            return null;
        }

        invalid = false;
        return cell;
    }

    public T? Code<T>(string column, bool required = false) where T : struct, ICode<T>
    {
        var v = required ? Required(column) : Optional(column);
        if (string.IsNullOrEmpty(v))
        {
            return null;
        }

        if (McsOps.Core.Code.TryParse<T>(v, out var code))
        {
            return code;
        }

        Fail(column, "csv.badcode", v);
        return null;
    }

    public IReadOnlyList<T> CodeList<T>(string column) where T : struct, ICode<T>
    {
        var v = Optional(column);
        if (v is null)
        {
            return [];
        }

        var list = new List<T>();
        foreach (var part in v.Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            if (McsOps.Core.Code.TryParse<T>(part, out var code))
            {
                if (!list.Contains(code))
                {
                    list.Add(code);
                }
            }
            else
            {
                Fail(column, "csv.badcode", part);
            }
        }

        return list;
    }

    public TEnum Enum<TEnum>(string column, TEnum? fallback = null) where TEnum : struct, System.Enum
    {
        var v = fallback is null ? Required(column) : Optional(column);
        if (string.IsNullOrEmpty(v))
        {
            return fallback ?? default;
        }

        if (Tokens.TryParse<TEnum>(v, out var e))
        {
            return e;
        }

        Fail(column, "csv.badenum", v, string.Join(", ", Tokens.All<TEnum>()));
        return fallback ?? default;
    }

    public TEnum? OptionalEnum<TEnum>(string column) where TEnum : struct, System.Enum
    {
        var v = Optional(column);
        if (v is null)
        {
            return null;
        }

        if (Tokens.TryParse<TEnum>(v, out var e))
        {
            return e;
        }

        Fail(column, "csv.badenum", v, string.Join(", ", Tokens.All<TEnum>()));
        return null;
    }

    public DateOnly? Date(string column, bool required = false)
    {
        var v = required ? Required(column) : Optional(column);
        if (string.IsNullOrEmpty(v))
        {
            return null;
        }

        if (DateOnly.TryParseExact(v, DateFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var d))
        {
            return d;
        }

        Fail(column, "csv.baddate", v);
        return null;
    }

    public bool Bool(string column, bool fallback = false)
    {
        var v = Optional(column);
        if (v is null)
        {
            return fallback;
        }

        switch (v.ToLowerInvariant())
        {
            case "true" or "yes" or "1" or "はい":
                return true;
            case "false" or "no" or "0" or "いいえ":
                return false;
            default:
                Fail(column, "csv.badbool", v);
                return fallback;
        }
    }
}
