using McsOps.Core;

namespace McsOps.Bot.Tests;

/// <summary>The dispatcher's <c>Chat:*</c> settings: a bad value stops the start with exit 2 naming the key, before anything listens.</summary>
public sealed class DispatchConfigTests
{
    [Theory]
    [InlineData("Chat:MaxAttempts=0", "Chat:MaxAttempts")]
    [InlineData("Chat:MaxAttempts=101", "Chat:MaxAttempts")]
    [InlineData("Chat:MaxAttempts=eight", "Chat:MaxAttempts")]
    [InlineData("Chat:MaxAttempts=2.5", "Chat:MaxAttempts")]
    [InlineData("Chat:MaxConcurrency=0", "Chat:MaxConcurrency")]
    [InlineData("Chat:BackoffSeconds=-5", "Chat:BackoffSeconds")]
    [InlineData("Chat:MaxBackoffMinutes=99999", "Chat:MaxBackoffMinutes")]
    [InlineData("Chat:PollSeconds=0", "Chat:PollSeconds")]
    public async Task BadChatSetting_StopsTheStartWithExit2NamingTheKey(string setting, string key)
    {
        var dir = TestFacility.Create("admin");
        try
        {
            var start = () => RunningService.StartAsync(dir, setting);

            var e = (await start.Should().ThrowAsync<OpsException>()).Which;
            e.Code.Should().Be(ExitCode.BadArguments);
            e.Args[0].Should().Be(key);
            e.Localize(Lang.En).Should().Contain(key).And.Contain("must be between");
            File.Exists(Path.Combine(dir, "admin.sock")).Should().BeFalse();
        }
        finally
        {
            TestFacility.Delete(dir);
        }
    }

    [Theory]
    [InlineData("Chat:MaxConcurrentRequests=0", "Chat:MaxConcurrentRequests")]
    [InlineData("Chat:MaxConcurrentRequests=5000", "Chat:MaxConcurrentRequests")]
    [InlineData("Chat:MaxQueuedRequests=-1", "Chat:MaxQueuedRequests")]
    [InlineData("Chat:MaxUnverifiedPerMinute=0", "Chat:MaxUnverifiedPerMinute")]
    [InlineData("Chat:MaxRequestsPerUserPerMinute=many", "Chat:MaxRequestsPerUserPerMinute")]
    public async Task BadChatLimit_WithAPlatformOn_StopsTheStartWithExit2NamingTheKey(string setting, string key)
    {
        var dir = TestFacility.Create("admin");
        try
        {
            var start = () => RunningService.StartAsync(dir, "Slack:SigningSecret=s3cret", "Slack:BotToken=xoxb-1", setting);

            var e = (await start.Should().ThrowAsync<OpsException>()).Which;
            e.Code.Should().Be(ExitCode.BadArguments);
            e.Args[0].Should().Be(key);
            File.Exists(Path.Combine(dir, "admin.sock")).Should().BeFalse();
        }
        finally
        {
            TestFacility.Delete(dir);
        }
    }

    [Fact]
    public async Task TheProcess_WithABadChatSetting_Exits2_SayingWhichKey()
    {
        var dir = TestFacility.Create("admin");
        try
        {
            var (code, stderr) = await HostTests.RunBotAsync(dir, "--McsOps:Language=en", "--Chat:MaxAttempts=0");

            code.Should().Be(2);
            stderr.Should().Contain("mcsops-bot: configuration Chat:MaxAttempts is invalid: must be between 1 and 100 ('0')");
        }
        finally
        {
            TestFacility.Delete(dir);
        }
    }
}
