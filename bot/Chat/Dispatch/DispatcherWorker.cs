using McsOps.Bot.Hosting;
using McsOps.Core;

namespace McsOps.Bot.Chat.Dispatch;

/// <summary>
/// Runs <see cref="Dispatcher"/> passes while the service runs (registered only when a chat
/// platform is configured): once the store is open, a pass; then it sleeps until the next
/// message is due or a pace window opens, or until the store changes (a sweep or an operation
/// wrote to the outbox), at most <see cref="DispatchOptions.Poll"/>. All on the injected clock.
/// </summary>
internal sealed class DispatcherWorker(StoreOwner owner, Dispatcher dispatcher, TimeProvider time, ILogger<DispatcherWorker> log) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await owner.Opened.WaitAsync(stoppingToken).ConfigureAwait(false);
            DispatchLog.Started(log, string.Join(", ", dispatcher.Platforms.Select(Tokens.Format)), dispatcher.Options.MaxAttempts);
            while (!stoppingToken.IsCancellationRequested)
            {
                var counter = owner.Run(ops => ops.Store.ChangeCounter, mayChange: false);
                DateTimeOffset? next;
                try
                {
                    next = (await dispatcher.PassAsync(stoppingToken).ConfigureAwait(false)).NextAt;
                    counter = owner.Run(ops => ops.Store.ChangeCounter, mayChange: false);
                }
                catch (Exception e) when (e is not OperationCanceledException && !stoppingToken.IsCancellationRequested)
                {
                    DispatchLog.PassFailed(log, e);
                    next = null;
                }

                var wait = next is { } at ? at - time.GetUtcNow() : dispatcher.Options.Poll;
                if (wait > dispatcher.Options.Poll)
                {
                    wait = dispatcher.Options.Poll;
                }

                if (wait > TimeSpan.Zero)
                {
                    await owner.WaitForChangeAsync(counter, wait, stoppingToken).ConfigureAwait(false);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping: a message in flight stays pending, its try on record.
        }
        catch (OpsException) when (stoppingToken.IsCancellationRequested)
        {
            // The store closed under us while stopping.
        }
    }
}
