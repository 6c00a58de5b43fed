using McsOps.Core;
using McsOps.Core.Application;
using McsOps.Core.Scheduling;

namespace McsOps.Bot.Tests;

/// <summary>The contract in embedded mode: the store opened in this process.</summary>
public sealed class LocalOpsClientContract : OpsClientContract
{
    private protected override Task<IOpsClient> ConnectAsync(string dataDirectory, bool auditor, Action<object> own)
    {
        var store = TestFacility.Open(dataDirectory);
        own(store);
        var ops = new Ops(store, new PolicySettings { Zone = TimeZoneInfo.FindSystemTimeZoneById("Asia/Tokyo") }, TimeProvider.System);
        return Task.FromResult<IOpsClient>(new LocalOpsClient(ops, new Actor("S-0001", Channel.Cli), auditor));
    }
}
