using McsOps.Core;

namespace McsOps.Bot.Tests;

/// <summary>Issue 8 item 6: mcsops-bot refuses to start with a key file its group or others may read (exit 2, naming the file), before it listens.</summary>
public sealed class KeyFilePermissionTests : IDisposable
{
    private readonly string _dir = TestFacility.Create("admin");

    public void Dispose() => TestFacility.Delete(_dir);

    private string Key => Path.Combine(_dir, "mcsops.key");

    [Theory]
    [InlineData("640")]
    [InlineData("604")]
    [InlineData("660")]
    public async Task KeyReadableByGroupOrOthers_StopsTheStart_Exit2_NoSocket(string mode)
    {
        File.SetUnixFileMode(Key, (UnixFileMode)Convert.ToInt32(mode, 8));

        var start = () => RunningService.StartAsync(_dir);

        var e = (await start.Should().ThrowAsync<OpsException>()).Which;
        e.Code.Should().Be(ExitCode.BadArguments);
        e.Key.Should().Be("config.keyfile.perms");
        e.Localize(Lang.En).Should().Be($"the key file {Key} is readable by others (mode {mode}); chmod 600 it");
        File.Exists(Path.Combine(_dir, "admin.sock")).Should().BeFalse();
    }

    [Fact]
    public async Task TheProcess_WithAWorldReadableKey_Exits2_SayingChmod600()
    {
        File.SetUnixFileMode(Key, (UnixFileMode)Convert.ToInt32("644", 8));

        var (code, stderr) = await HostTests.RunBotAsync(_dir, "--McsOps:Language=ja");

        code.Should().Be(2);
        stderr.Should().Contain($"鍵ファイル {Key} が他のユーザーから読めます (権限 644)。chmod 600 にしてください").And.NotContain("   at ");
    }

    [Fact]
    public async Task KeyMode0600_Starts()
    {
        File.GetUnixFileMode(Key).Should().Be(UnixFileMode.UserRead | UnixFileMode.UserWrite, "the key is created 0600");

        await using var service = await RunningService.StartReadyAsync(_dir);

        File.Exists(service.SocketPath).Should().BeTrue();
    }
}
