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
    /// <exception cref="DecoderFallbackException">A file that starts with a UTF-8 BOM and is not UTF-8 after it.</exception>
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
    /// <see cref="Decode"/>, or null with an error at the line of the first bad byte when the
    /// file says it is UTF-8 (a BOM) and is not: a damaged file, not one to guess at.
    /// </summary>
    public static string? TryDecode(byte[] bytes, string fileName, List<ImportError> errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        try
        {
            return Decode(bytes);
        }
        catch (DecoderFallbackException e)
        {
            var end = Math.Clamp(3 + Math.Max(e.Index, 0), 0, bytes.Length);
            var line = 1 + bytes.AsSpan(0, end).Count((byte)'\n');
            errors.Add(new ImportError(fileName, line, null, new LocalizedReason("csv.encoding")));
            return null;
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
        // With NewLine set, CsvHelper quotes only fields holding "\r\n": a lone CR or LF (a note typed
        // in a form) would end the row in Excel and in import. Quote those too.
        using var csv = new CsvWriter(writer, new CsvConfiguration(CultureInfo.InvariantCulture)
        {
            NewLine = "\r\n",
            ShouldQuote = args => ConfigurationFunctions.ShouldQuote(args) || args.Field.AsSpan().IndexOfAny('\r', '\n') >= 0,
        });
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

    /// <summary>
    /// A cell starting with = + - @, a tab or a carriage return would be a formula (or a DDE
    /// call such as <c>=cmd|' /C calc'!A0</c>) in Excel: prefix it with '. A cell that already
    /// starts with ' followed by such a character gets one more, so that import, which removes
    /// exactly one, gives back what was exported.
    /// </summary>
    public static string? Neutralize(string? cell) => cell is not null && NeedsQuote(cell) ? "'" + cell : cell;

    /// <summary>Undoes <see cref="Neutralize"/> on import: removes that one '.</summary>
    public static string Unneutralize(string cell) =>
        cell.Length > 1 && cell[0] == '\'' && NeedsQuote(cell.AsSpan(1)) ? cell[1..] : cell;

    /// <summary>Leading 's skipped, the first other character starts a formula.</summary>
    private static bool NeedsQuote(ReadOnlySpan<char> cell)
    {
        var first = cell.IndexOfAnyExcept('\'');
        return first >= 0 && cell[first] is '=' or '+' or '-' or '@' or '\t' or '\r';
    }

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
