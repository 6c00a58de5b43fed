using McsOps.Core.Application;

namespace McsOps.Bot.Tests;

/// <summary>The contract in remote mode: the real service, over its Unix socket, the caller known by its peer credentials.</summary>
public sealed class RemoteOpsClientContract : OpsClientContract
{
    private protected override async Task<IOpsClient> ConnectAsync(string dataDirectory, bool auditor, Action<object> own)
    {
        var service = await RunningService.StartReadyAsync(dataDirectory);
        own(service);
        var client = service.Connect();
        own(client);
        return client;
    }
}
