using McsOps.Core;
using McsOps.Tui.App;

namespace McsOps.Tui.Tests;

public sealed class UiTextTests
{
    [Fact]
    public void EveryKey_HasJapaneseAndEnglish_AndNoneShadowsCore()
    {
        foreach (var key in UiText.Keys)
        {
            UiText.Get(Lang.Ja, key).Should().NotBeNullOrWhiteSpace(key);
            UiText.Get(Lang.En, key).Should().NotBeNullOrWhiteSpace(key);
            Text.Keys.Should().NotContain(key, "a tui label must not hide core's message of the same key");
        }
    }

    [Fact]
    public void Get_KeyOnlyInCore_FallsBackToCoreText()
    {
        UiText.Get(Lang.Ja, "severity.overdue").Should().Be("期限切れ");
        UiText.Get(Lang.En, "severity.overdue").Should().Be("overdue");
        UiText.Get(Lang.Ja, "dash.title").Should().Be("ダッシュボード");
        UiText.Get(Lang.En, "dash.title").Should().Be("Dashboard");
    }
}
