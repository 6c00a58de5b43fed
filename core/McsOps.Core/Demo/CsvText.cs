using System.Text;
using McsOps.Core.Csv;

namespace McsOps.Core.Demo;

/// <summary>
/// Builds the text of one import file in memory: the kind's header, then rows in column order.
/// Fields holding a comma, a quote, CR or LF are quoted with doubled quotes; lines end in CRLF.
/// </summary>
internal sealed class CsvText
{
    private readonly StringBuilder _text = new();
    private readonly int _width;

    public CsvText(string kind)
    {
        var columns = CsvKinds.Find(kind)?.Columns ?? throw new ArgumentException("unknown CSV kind " + kind, nameof(kind));
        _width = columns.Count;
        Append(columns.Select(c => c.Name).ToArray());
    }

    public int Count { get; private set; } = -1;

    public void Add(params string?[] cells)
    {
        if (cells.Length != _width)
        {
            throw new ArgumentException($"a row has {cells.Length} cells, the header {_width}", nameof(cells));
        }

        Append(cells);
    }

    public override string ToString() => _text.ToString();

    private void Append(string?[] cells)
    {
        for (var i = 0; i < cells.Length; i++)
        {
            if (i > 0)
            {
                _text.Append(',');
            }

            var cell = CsvFile.Neutralize(cells[i]) ?? string.Empty;
            if (cell.AsSpan().IndexOfAny(",\"\r\n") >= 0)
            {
                _text.Append('"').Append(cell.Replace("\"", "\"\"", StringComparison.Ordinal)).Append('"');
            }
            else
            {
                _text.Append(cell);
            }
        }

        _text.Append("\r\n");
        Count++;
    }
}
