namespace McsOps.Bot.Tests;

/// <summary>
/// A test on one facility whose S-0001 (this OS user) is an admin, in its own data directory,
/// with at most one service on it at a time; both are cleaned up after the test.
/// </summary>
public abstract class AdminFacilityTest : IAsyncLifetime
{
    protected string Dir { get; } = TestFacility.Create("admin");

    private protected RunningService? Service { get; set; }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        if (Service is not null)
        {
            await Service.DisposeAsync();
        }

        TestFacility.Delete(Dir);
    }
}
