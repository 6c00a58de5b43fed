namespace McsOps.Bot.Hosting;

/// <summary>
/// The body of <c>/readyz</c>: the database's state and, once it is open, its change counter, its
/// schema, how many operations are running (what a stop will wait for), when the last sweep ran
/// (since this start), how many outbox messages wait to be sent, and the last backup.
/// </summary>
internal sealed record Readiness(
    string Database,
    long? Changes,
    int? Schema,
    int? OperationsInFlight,
    DateTimeOffset? LastSweep = null,
    int? OutboxPending = null,
    ReadyBackup? LastBackup = null)
{
    /// <summary>Ready: the database is open and the last backup, if any, did not fail.</summary>
    public bool IsReady => Changes is not null && LastBackup is not { Ok: false };
}
