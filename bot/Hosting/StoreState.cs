using McsOps.Core;

namespace McsOps.Bot.Hosting;

/// <summary>Where the service's database is in its life, as <c>/readyz</c> reports it.</summary>
internal enum StoreState
{
    [Token("starting")] Starting,
    [Token("waiting_for_lock")] WaitingForLock,
    [Token("open")] Open,
    [Token("failed")] Failed,
    [Token("closing")] Closing,
    [Token("closed")] Closed,
}
