using System.Threading.Channels;
using McsOps.Tui.App;

namespace McsOps.Tui.Tests;

/// <summary>
/// The live refresh's timing on the UI's virtual clock, with the counter fed as the service's
/// long-poll would answer it (the real long-poll against the real service is in the bot tests).
/// </summary>
[Collection("tui")]
public sealed class LiveRefreshTests
{
    private readonly Channel<long> _answers = Channel.CreateUnbounded<long>();

    private async Task<long> LongPoll(long since, CancellationToken cancel) => await _answers.Reader.ReadAsync(cancel);

    [Fact]
    public void AChange_IsShownAtTheNextTick_NothingIsReadWhileNothingChanges_AndADialogPostponesIt()
    {
        using var tui = new TuiHarness();
        var reads = 0;
        var dialogOpen = false;
        using var live = new LiveRefresh(tui.App, 7, LongPoll, () =>
        {
            if (dialogOpen)
            {
                return false;
            }

            reads++;
            return true;
        });

        tui.Wait(TimeSpan.FromSeconds(20));
        reads.Should().Be(0, "the counter did not move");

        Answer(live, 8);
        tui.Wait(TimeSpan.FromSeconds(4));
        reads.Should().Be(0, "the first tick after the change is at most 5 s away, not immediate");
        tui.Wait(TimeSpan.FromSeconds(1));
        reads.Should().Be(1);
        live.Shown.Should().Be(8);
        tui.Wait(TimeSpan.FromSeconds(15));
        reads.Should().Be(1, "one change, one re-read");

        dialogOpen = true;
        Answer(live, 9);
        tui.Wait(TimeSpan.FromSeconds(10));
        reads.Should().Be(1, "not under a dialog");
        live.Shown.Should().Be(8);
        dialogOpen = false;
        tui.Wait(TimeSpan.FromSeconds(5));
        reads.Should().Be(2, "caught up once the dialog closed");
        live.Shown.Should().Be(9);
    }

    [Fact]
    public void InEmbeddedMode_ThereIsNoLiveRefresh_SinceNoOtherProcessCanWrite()
    {
        using var tui = new TuiHarness();
        tui.Shell.Live.Should().BeNull();
    }

    /// <summary>
    /// The service answers the long-poll; waits (synchronously: Terminal.Gui's synchronization
    /// context is this thread's, and an await would wait for a main loop that the test drives)
    /// until the background poll has recorded it.
    /// </summary>
    private void Answer(LiveRefresh live, long counter)
    {
        _answers.Writer.TryWrite(counter).Should().BeTrue();
        SpinWait.SpinUntil(() => live.Latest == counter, TimeSpan.FromSeconds(10)).Should().BeTrue("the background poll records the counter it is given");
    }
}
