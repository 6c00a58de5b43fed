namespace McsOps.Bot.Hosting;

/// <summary>
/// The body of <c>/readyz</c>: the database's state and, once it is open, its change counter, its
/// schema and how many operations are running (what a stop will wait for).
/// </summary>
internal sealed record Readiness(string Database, long? Changes, int? Schema, int? OperationsInFlight);
