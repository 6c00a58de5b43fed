namespace McsOps.Core.Tests.Chat;

public sealed class KanaInitialsTests
{
    [Theory]
    [InlineData("アオキ タロウ", "A.T.")]
    [InlineData("すがわら　ゆういち", "S.Y.")]
    [InlineData("シミズ チカ", "S.C.")]
    [InlineData("ツジ フミ", "T.F.")]
    [InlineData("ジンノ ヂロウ", "J.J.")]
    [InlineData("ガトウ ヴィオラ", "G.V.")]
    [InlineData("ンドウ ヲノ", "N.O.")]
    [InlineData("アオキタロウ", "A.")]
    [InlineData("  イシイ   カズコ  ", "I.K.")]
    public void KanaName_GivesTheHepburnInitialOfEachPart(string kana, string initials) =>
        KanaInitials.Of(kana).Should().Be(initials);

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("青木 太郎")]
    [InlineData("Aoki Taro")]
    [InlineData("アオキ 太郎")]
    [InlineData("ッコ ャマ")]
    public void NoKanaToReadFrom_GivesNothing(string? kana) => KanaInitials.Of(kana).Should().BeNull();
}
