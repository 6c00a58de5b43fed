using System.Globalization;
using System.Text;
using CsvHelper;
using CsvHelper.Configuration;

namespace McsOps.Core.Csv;

/// <summary>
/// Reading and writing CSV the way Excel in Japan does: UTF-8 with or without BOM, or
/// Shift_JIS/CP932 (detected: a file that is not valid UTF-8 is CP932); quoted fields with commas,
/// quotes and newlines. Written files are UTF-8 with BOM, and a cell that Excel would run as a
/// formula gets a leading <c>'</c>.
/// </summary>
public static class CsvFile
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    static CsvFile() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    /// <summary>Decodes the bytes of a CSV file: UTF-8 (BOM optional) or CP932.</summary>
    public static string Decode(byte[] bytes)
    {
        ArgumentNullException.ThrowIfNull(bytes);
        if (bytes.Length >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF)
        {
            return StrictUtf8.GetString(bytes, 3, bytes.Length - 3);
        }

        try
        {
            return StrictUtf8.GetString(bytes);
        }
        catch (DecoderFallbackException)
        {
            return Encoding.GetEncoding(932).GetString(bytes);
        }
    }

    /// <summary>
    /// Parses the text into a header and records. A structural fault (an unclosed quote) is
    /// reported as an error at its line rather than thrown.
    /// </summary>
    public static CsvTable Parse(string text, string fileName, List<ImportError> errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        int? badData = null;
        var previousEnd = 0;
        var config = new CsvConfiguration(CultureInfo.InvariantCulture)
        {
            HasHeaderRecord = false,
            DetectDelimiter = false,
            BadDataFound = _ => badData ??= previousEnd + 1,
            MissingFieldFound = null,
            TrimOptions = TrimOptions.None,
            IgnoreBlankLines = true,
        };
        var rows = new List<CsvRow>();
        IReadOnlyList<string>? header = null;
        using var reader = new StringReader(text);
        using var parser = new CsvParser(reader, config);
        try
        {
            while (parser.Read())
            {
                // Fields are processed lazily: read them (and so any bad-data report) before
                // moving on. RawRow counts physical lines up to the end of this record.
                var fields = parser.Record ?? [];
                var startLine = previousEnd + 1 + CountLeadingBlankLines(parser.RawRecord);
                previousEnd = parser.RawRow;
                if (header is null)
                {
                    header = fields;
                    continue;
                }

                rows.Add(new CsvRow(startLine, fields));
            }
        }
        catch (CsvHelperException e)
        {
            errors.Add(new ImportError(fileName, e.Context?.Parser?.RawRow ?? previousEnd + 1, null, new LocalizedReason("csv.malformed")));
        }

        if (badData is { } badLine)
        {
            errors.Add(new ImportError(fileName, badLine, null, new LocalizedReason("csv.malformed")));
        }

        if (header is null)
        {
            errors.Add(new ImportError(fileName, 1, null, new LocalizedReason("csv.noheader")));
            header = [];
        }

        return new CsvTable(header, rows);
    }

    /// <summary>Writes a header and rows as Excel-safe CSV (UTF-8 with BOM, formulas neutralised).</summary>
    public static void Write(Stream output, IReadOnlyList<string> header, IEnumerable<IReadOnlyList<string?>> rows)
    {
        using var writer = new StreamWriter(output, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true), leaveOpen: true);
        using var csv = new CsvWriter(writer, new CsvConfiguration(CultureInfo.InvariantCulture) { NewLine = "\r\n" });
        foreach (var h in header)
        {
            csv.WriteField(h);
        }

        csv.NextRecord();
        foreach (var row in rows)
        {
            foreach (var cell in row)
            {
                csv.WriteField(Neutralize(cell));
            }

            csv.NextRecord();
        }
    }

    /// <summary>A cell starting with = + - @ would be a formula in Excel: prefix it with '.</summary>
    public static string? Neutralize(string? cell) =>
        cell is { Length: > 0 } && cell[0] is '=' or '+' or '-' or '@' ? "'" + cell : cell;

    /// <summary>Undoes <see cref="Neutralize"/> on import: removes that one '.</summary>
    public static string Unneutralize(string cell) =>
        cell.Length > 1 && cell[0] == '\'' && cell[1] is '=' or '+' or '-' or '@' ? cell[1..] : cell;

    private static int CountLeadingBlankLines(string raw)
    {
        var count = 0;
        var i = 0;
        while (i < raw.Length)
        {
            if (raw[i] == '\r' && i + 1 < raw.Length && raw[i + 1] == '\n')
            {
                i += 2;
            }
            else if (raw[i] is '\n' or '\r')
            {
                i++;
            }
            else
            {
                break;
            }

            count++;
        }

        return count;
    }
}
