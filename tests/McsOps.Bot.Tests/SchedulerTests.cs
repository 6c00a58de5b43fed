using McsOps.Bot.Hosting;
using McsOps.Core.Storage.LiteDb;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace McsOps.Bot.Tests;

/// <summary>The service's scheduler on a fake clock: a sweep and a first backup at start, then the backup schedule.</summary>
public sealed class SchedulerTests
{
    [Fact]
    public async Task Service_SweepsAndBacksUpAtStart_ThenBacksUpAtTheNextSlot_AndEveryRunIsLogged()
    {
        var dir = TestFacility.NewDataDirectory();
        try
        {
            var clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 26, 1, 0, 0, TimeSpan.Zero));
            var builder = ServiceHost.CreateBuilder(
                ["--McsOps:DataDirectory=" + dir, "--urls=http://127.0.0.1:0", "--Logging:LogLevel:Default=Warning"], etcFile: null);
            builder.Services.AddSingleton<TimeProvider>(clock);
            builder.Services.AddHostedService<SchedulerWorker>();
            await using var app = ServiceHost.Build(builder);
            await app.StartAsync();
            var owner = app.Services.GetRequiredService<StoreOwner>();
            var backups = Path.Combine(dir, "backups");

            await Until(() => Directory.Exists(backups) && Directory.GetFiles(backups, "*.db").Length == 1);
            // An hour at a time, as a real clock moves: the worker may not be waiting yet when the test moves on.
            for (var hour = 0; hour < 48 && Directory.GetFiles(backups, "*.db").Length < 2; hour++)
            {
                clock.Advance(TimeSpan.FromHours(1));
                await Task.Delay(100);
            }

            await Until(() => Directory.GetFiles(backups, "*.db").Length == 2);

            var log = owner.Run(ops => ops.Store.Read(s => s.Backups.All()), mayChange: false);
            log.Should().HaveCount(2).And.OnlyContain(r => r.Ok);
            log[0].At.Should().Be(new DateTimeOffset(2026, 11, 26, 1, 0, 0, TimeSpan.Zero), "no backup ever: one at start");
            log[1].At.Should().Be(new DateTimeOffset(2026, 11, 26, 17, 0, 0, TimeSpan.Zero), "then at 02:00 in Tokyo");
            owner.Run(ops => ops.Store.Read(s => s.Audit.All().Count(e => e.Action == "backup.create" && e.Actor == "system")), mayChange: false).Should().Be(2);
            await app.StopAsync();

            foreach (var file in Directory.GetFiles(backups, "*.db"))
            {
                McsOps.Core.Backups.Verify(file, Path.Combine(dir, "mcsops.key"), clock).Ok.Should().BeTrue();
            }
        }
        finally
        {
            TestFacility.Delete(dir);
        }
    }

    private static async Task Until(Func<bool> condition)
    {
        for (var i = 0; i < 600 && !condition(); i++)
        {
            await Task.Delay(50);
        }

        condition().Should().BeTrue();
    }
}
