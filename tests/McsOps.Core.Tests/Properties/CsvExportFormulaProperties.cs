using System.Text;
using FsCheck;
using FsCheck.Fluent;
using McsOps.Core.Csv;
using Xunit.Abstractions;

namespace McsOps.Core.Tests.Properties;

/// <summary>
/// Issue 8 item 2, the CSV export: no cell Excel reads starts a formula (= + - @ tab CR, also
/// after quotes the user typed), and an import of the export gives back exactly the cell.
/// </summary>
public sealed class CsvExportFormulaProperties(ITestOutputHelper output)
{
    public const int Cases = 10_000;

    private static readonly string[] Starts = ["=", "+", "-", "@", "\t", "\r", "'", "''", "'=", "''+", "=cmd|' /C calc'!A0", "@SUM(", "ー", "＝", ""];

    [Fact]
    public void Write_NoCellStartsAFormula_AndReadingBackRestoresIt()
    {
        var ran = 0;
        var cells = Gen.Zip(Gen.Elements(Starts), ArbMap.Default.GeneratorFor<string>())
            .Select(t => t.Item1 + Storable(t.Item2) + "末") // import trims cells: stored values never end in white space
            .ArrayOf()
            .Select(a => a.Take(6).Prepend("x").ToArray());
        var property = Prop.ForAll(cells.ToArbitrary(), row =>
        {
            ran++;
            using var stream = new MemoryStream();
            CsvFile.Write(stream, [.. row.Select((_, i) => "c" + i)], [row]);
            var errors = new List<ImportError>();
            var table = CsvFile.Parse(CsvFile.Decode(stream.ToArray()), "export.csv", errors);
            errors.Should().BeEmpty();
            table.Rows.Should().ContainSingle(Hex(row));
            var written = table.Rows[0].Fields;
            for (var i = 0; i < row.Length; i++)
            {
                var first = written[i].TrimStart('\'');
                if (first.Length > 0 && first[0] is '=' or '+' or '-' or '@' or '\t' or '\r')
                {
                    written[i].Should().StartWith("'", "Excel must not see a formula in {0}", row[i]);
                }

                CsvFile.Unneutralize(written[i]).Should().Be(row[i], "row {0} written {1}", Hex(row), Hex(written));
            }
        });

        Check.One(Config.QuickThrowOnFailure.WithMaxTest(Cases), property);

        output.WriteLine($"csv export cells: {ran} generated rows");
        ran.Should().Be(Cases);
    }

    /// <summary>What the store can hold: import refuses other control characters (csv.badchar); tab, CR and LF come from notes typed in forms.</summary>
    private static string Storable(string? text) =>
        new([.. (text ?? string.Empty).Where(c => !char.IsControl(c) || c is '\t' or '\r' or '\n')]);

    private static string Hex(IEnumerable<string> cells) =>
        string.Join(" | ", cells.Select(c => string.Join(" ", c.Select(ch => ((int)ch).ToString("X4", System.Globalization.CultureInfo.InvariantCulture)))));

    [Theory]
    [InlineData("=cmd|' /C calc'!A0", "'=cmd|' /C calc'!A0")]
    [InlineData("\t=1+1", "'\t=1+1")]
    [InlineData("\r=1+1", "'\r=1+1")]
    [InlineData("'=1+1", "''=1+1")]
    [InlineData("'abc", "'abc")]
    [InlineData("山田", "山田")]
    public void Neutralize_PrefixesFormulasOnly_AndUnneutralizeUndoesIt(string cell, string written)
    {
        CsvFile.Neutralize(cell).Should().Be(written);
        CsvFile.Unneutralize(written).Should().Be(cell);
    }

    [Fact]
    public void Written_IsUtf8WithBom()
    {
        using var stream = new MemoryStream();
        CsvFile.Write(stream, ["a"], [["=1"]]);
        stream.ToArray().Take(3).Should().Equal(Encoding.UTF8.GetPreamble());
    }
}
