using System.Text;
using FsCheck;
using FsCheck.Fluent;
using McsOps.Core.Audit;
using McsOps.Core.Csv;
using Xunit.Abstractions;

namespace McsOps.Core.Tests.Properties;

/// <summary>
/// Issue 8 item 2, the CSV import surface: files made bad on purpose (truncated, wrong encoding, a
/// BOM in the middle, a 1 MB field, NUL bytes, stray quotes, flipped bytes, UTF-16) fed through
/// the code <c>mcsops import</c> runs. Whatever comes in: no exception escapes, a rejected file
/// names a line and a reason in both languages and writes nothing (change counter unchanged), and
/// the audit chain still verifies.
/// </summary>
public sealed class CsvImportFuzzProperties(ITestOutputHelper output) : IDisposable
{
    public const int Cases = 10_000;

    private static readonly (string Kind, string Csv)[] Files =
    [
        ("facilities", TestStore.Csv.Facilities),
        ("staff", TestStore.Csv.Staff),
        ("patients", TestStore.Csv.Patients),
        ("groups", TestStore.Csv.Groups),
        ("memberships", TestStore.Csv.Memberships),
        ("devices", "asset_tag,kind,holder_staff_code,offsite_approved,client_cert,status,lost_on,note\nD-0001,smartphone,S-0001,yes,,in_use,,備考\n"),
    ];

    private static readonly string[] Formulas = ["=cmd|' /C calc'!A0", "@SUM(A1)", "+81 3", "-2+3", "\t=1+1", "=HYPERLINK(\"http://x\")"];

    private readonly TestStore _t = new();

    static CsvImportFuzzProperties() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    public void Dispose() => _t.Dispose();

    /// <summary>One mutation: which, where (a fraction of the length), and a generated string for the ones that insert text.</summary>
    public sealed record Mutation(int Op, double At, string Text);

    public static Gen<(int File, Mutation[] Mutations)> Bad() =>
        Gen.Zip(
            Gen.Choose(0, Files.Length - 1),
            Gen.Zip(Gen.Zip(Gen.Choose(0, 13), Gen.Choose(0, 1000).Select(i => i / 1000.0)), ArbMap.Default.GeneratorFor<string>())
                .Select(t => new Mutation(t.Item1.Item1, t.Item1.Item2, t.Item2 ?? string.Empty))
                .ArrayOf()
                .Select(a => a.Take(4).ToArray()));

    [Fact]
    public void Import_GeneratedBadFiles_ClearErrorOrAccepted_NothingWrittenWhenRejected_ChainVerifies()
    {
        _t.Seed();
        var ops = new McsOps.Core.Application.Ops(_t.Store, TestStore.Policy, _t.Time);
        int ran = 0, rejected = 0, huge = 0;
        var property = Prop.ForAll(Bad().ToArbitrary(), c =>
        {
            ran++;
            var (kind, csv) = Files[c.File];
            var bytes = Encoding.UTF8.GetBytes(csv.ReplaceLineEndings("\n"));
            foreach (var m in c.Mutations)
            {
                bytes = Apply(bytes, m, ref huge);
            }

            var before = _t.Store.ChangeCounter;
            var result = Importer.ImportBytes(_t.Store, CsvKinds.Find(kind)!, bytes, kind + ".csv", TestStore.Admin, new ImportOptions(_t.Time));
            if (result.Rejected)
            {
                rejected++;
                var lines = bytes.AsSpan().Count((byte)'\n') + bytes.AsSpan().Count((byte)'\r') + 2; // CsvHelper counts a lone CR as a line too
                result.Errors.Should().OnlyContain(e => e.Line >= 1 && e.Line <= lines && e.File == kind + ".csv", "lines {0}, text {1}", lines, Encoding.UTF8.GetString(bytes));
                result.Errors.Should().OnlyContain(e => e.Format(Lang.Ja).Length > 0 && !e.Format(Lang.En).Contains("{0}", StringComparison.Ordinal));
                _t.Store.ChangeCounter.Should().Be(before, "a rejected file writes nothing");
                (result.Created + result.Updated + result.Unchanged).Should().Be(0);
            }

            if (ran % 1000 == 0)
            {
                ops.Execute(new VerifyAuditChain(), TestStore.Admin).FirstBroken.Should().BeNull();
            }
        });

        Check.One(Config.QuickThrowOnFailure.WithMaxTest(Cases), property);

        ops.Execute(new VerifyAuditChain(), TestStore.Admin).FirstBroken.Should().BeNull();
        output.WriteLine($"csv import: {ran} generated files, {rejected} rejected, {ran - rejected} accepted, {huge} with a 1 MB field");
        ran.Should().Be(Cases);
        rejected.Should().BeGreaterThan(Cases / 2, "the mutations are meant to be bad");
        huge.Should().BePositive();
    }

    private static byte[] Apply(byte[] bytes, Mutation m, ref int huge)
    {
        var at = (int)(m.At * bytes.Length);
        return m.Op switch
        {
            0 => bytes[..at], // truncated
            1 => Insert(bytes, at, [0xEF, 0xBB, 0xBF]), // a BOM in the middle
            2 => Insert(bytes, at, [0xFF, 0xC3, 0x28, 0x81]), // not UTF-8: read as CP932
            3 => Insert(bytes, at, [0x00, 0x00]), // NUL bytes
            4 when m.At < 0.03 => Huge(bytes, ref huge), // a 1 MB field (rarely: each costs a few ms)
            4 or 5 => ReplaceField(bytes, Formulas[(int)(m.At * Formulas.Length) % Formulas.Length]), // formula injection (valid)
            6 => Flip(bytes, at, m.Text),
            7 => Insert(bytes, at, "\""u8.ToArray()), // an unclosed quote
            8 => Insert(bytes, at, Encoding.UTF8.GetBytes(m.Text)), // generated text (control characters included)
            9 => Insert(bytes, at, ",,"u8.ToArray()),
            10 => Encoding.Unicode.GetPreamble().Concat(Encoding.Unicode.GetBytes(Encoding.UTF8.GetString(bytes))).ToArray(), // UTF-16: wrong encoding
            11 => Encoding.GetEncoding(932).GetBytes(Encoding.UTF8.GetString(bytes)), // Shift_JIS as Excel writes it (valid)
            12 => DuplicateHeader(bytes),
            _ => Insert(bytes, at, "\r\n\r"u8.ToArray()),
        };
    }

    private static byte[] Insert(byte[] bytes, int at, byte[] what) => [.. bytes[..at], .. what, .. bytes[at..]];

    private static byte[] Flip(byte[] bytes, int at, string text)
    {
        if (bytes.Length == 0)
        {
            return bytes;
        }

        var copy = (byte[])bytes.Clone();
        copy[Math.Min(at, copy.Length - 1)] ^= (byte)(text.Length * 37 + 1);
        return copy;
    }

    private static byte[] Huge(byte[] bytes, ref int huge)
    {
        huge++;
        return ReplaceField(bytes, new string('長', 1024 * 1024 / 3));
    }

    /// <summary>The second field of the first data row (a name in most kinds) becomes <paramref name="value"/>, quoted.</summary>
    private static byte[] ReplaceField(byte[] bytes, string value)
    {
        var lines = Encoding.UTF8.GetString(bytes).Split('\n');
        if (lines.Length < 2)
        {
            return bytes;
        }

        var fields = lines[1].Split(',');
        if (fields.Length > 1)
        {
            fields[1] = "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
        }

        lines[1] = string.Join(',', fields);
        return Encoding.UTF8.GetBytes(string.Join('\n', lines));
    }

    private static byte[] DuplicateHeader(byte[] bytes)
    {
        var text = Encoding.UTF8.GetString(bytes);
        var end = text.IndexOf('\n', StringComparison.Ordinal);
        return end < 0 ? bytes : Encoding.UTF8.GetBytes(text[..end] + "," + text[..end].Split(',')[0] + text[end..]);
    }
}
