using McsOps.Core.Configuration;
using Microsoft.Extensions.Configuration;

namespace McsOps.Core.Tests.Configuration;

public sealed class SettingsTests
{
    private static Settings Load(params (string Key, string Value)[] values) =>
        Settings.Load(new ConfigurationBuilder().AddInMemoryCollection(values.Select(v => new KeyValuePair<string, string?>(v.Key, v.Value))).Build());

    [Fact]
    public void Defaults_AreTheDocumentedOnes()
    {
        var s = Load(("McsOps:DataDirectory", "/tmp/x"));
        s.TimeZone.Id.Should().Be("Asia/Tokyo");
        s.Language.Should().Be(Lang.Ja);
        s.IdleTimeoutMinutes.Should().Be(15);
        s.DatabasePath.Should().Be("/tmp/x/mcsops.db");
        s.KeyFile.Should().Be("/tmp/x/mcsops.key");
        s.RequireRemovalJustificationForExternal.Should().BeTrue();
        s.Backup.Directory.Should().Be("/tmp/x/backups");
        s.Backup.Generations.Should().Be(8);
        s.Backup.Schedule.ToString().Should().Be("0 2 * * *");
        s.Backup.CopyCommand.Should().BeNull();
        s.MaxRequestBytes.Should().Be(8L * 1024 * 1024);
        s.MaxUploadBytes.Should().Be(1024L * 1024 * 1024);
        s.Policy.PatientDisplay.Should().Be(PatientDisplay.Code);
        (s.Policy.QuietFrom, s.Policy.QuietUntil).Should().Be((new TimeOnly(20, 0), new TimeOnly(8, 0)));
    }

    [Fact]
    public void ChatSettings_ReachThePolicies()
    {
        var s = Load(("McsOps:DataDirectory", "/tmp/x"), ("Chat:PatientDisplay", "initials"), ("Chat:QuietHours", "22:30-6:00"));

        s.Policy.PatientDisplay.Should().Be(PatientDisplay.Initials);
        (s.Policy.QuietFrom, s.Policy.QuietUntil).Should().Be((new TimeOnly(22, 30), new TimeOnly(6, 0)));
    }

    [Theory]
    [InlineData("McsOps:TimeZone", "Mars/Olympus")]
    [InlineData("McsOps:Language", "fr")]
    [InlineData("McsOps:IdleTimeoutMinutes", "0")]
    [InlineData("McsOps:IdleTimeoutMinutes", "31")]
    [InlineData("McsOps:ReviewSchedule", "quarterly")]
    [InlineData("McsOps:SweepSchedule", "*/15 * * *")]
    [InlineData("McsOps:DigestSchedule", "61 8 * * 1-5")]
    [InlineData("Backup:Generations", "0")]
    [InlineData("Backup:Generations", "400")]
    [InlineData("Backup:Schedule", "daily")]
    [InlineData("AdminApi:MaxUploadMegabytes", "0")]
    [InlineData("AdminApi:MaxUploadMegabytes", "1073741824")]
    [InlineData("Chat:PatientDisplay", "name")]
    [InlineData("Chat:PatientDisplay", "")]
    [InlineData("Chat:QuietHours", "20-8")]
    [InlineData("Chat:QuietHours", "25:00-08:00")]
    [InlineData("Chat:QuietHours", "20:00~08:00")]
    [InlineData("Chat:QuietHours", "20:00-08:00-09:00")]
    [InlineData("Chat:QuietHours", "")]
    public void BadValue_StopsWithExit2NamingTheKey(string key, string value)
    {
        var act = () => Load((key, value));

        act.Should().Throw<OpsException>()
            .Where(e => e.Code == ExitCode.BadArguments && e.Localize(Lang.En).Contains(key, StringComparison.Ordinal));
    }

    [Fact]
    public void NotANumber_StopsWithExit2NamingTheSection()
    {
        var act = () => Load(("McsOps:IdleTimeoutMinutes", "soon"));

        act.Should().Throw<OpsException>().Where(e => e.Code == ExitCode.BadArguments && e.Localize(Lang.Ja).Contains("McsOps", StringComparison.Ordinal));
    }
}
