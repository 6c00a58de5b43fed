namespace McsOps.Core.Tests.Common;

public sealed class CodeTests
{
    [Theory]
    [InlineData("P-0042", "P-0042")]
    [InlineData(" p-0042 ", "P-0042")]
    [InlineData("ｐ－００４２", "P-0042")]
    [InlineData("Ｐ−００４２", "P-0042")]
    [InlineData("P‐0042", "P-0042")]
    [InlineData("s_12", "S_12")]
    public void Parse_NormalisesWidthCaseAndDashes(string input, string expected)
    {
        PatientCode.Parse(input).Value.Should().Be(expected);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("P 0042")]
    [InlineData("P/0042")]
    [InlineData("患者1")]
    [InlineData("P-00420000000000000000000000000000")]
    public void TryParse_RejectsWhatIsNotACode(string input)
    {
        Code.TryParse<PatientCode>(input, out _).Should().BeFalse();
    }

    [Fact]
    public void Tokens_AcceptJapaneseAliasesAndFormatTheToken()
    {
        Tokens.TryParse<Profession>("ケアマネジャー", out var p).Should().BeTrue();
        p.Should().Be(Profession.CareManager);
        Tokens.TryParse<DischargeReason>("他院へ移行", out var r).Should().BeTrue();
        Tokens.Format(r).Should().Be("other_provider");
        Tokens.TryParse<PasswordClass>("8ROTATING", out var c).Should().BeTrue();
        c.Should().Be(PasswordClass.EightRotating);
    }

    [Fact]
    public void Text_EveryMessageHasBothLanguagesAndTheSamePlaceholders()
    {
        foreach (var key in Text.Keys)
        {
            var ja = Text.Get(Lang.Ja, key);
            var en = Text.Get(Lang.En, key);
            ja.Should().NotBeNullOrWhiteSpace(key);
            en.Should().NotBeNullOrWhiteSpace(key);
            Placeholders(ja).Should().BeEquivalentTo(Placeholders(en), key);
        }
    }

    private static IEnumerable<string> Placeholders(string s) =>
        System.Text.RegularExpressions.Regex.Matches(s, @"\{\d+\}").Select(m => m.Value).Distinct();
}
