using McsOps.Core.Application;

namespace McsOps.Core.Storage;

/// <summary>The counts <c>mcsops</c> prints when it has no terminal to draw on.</summary>
public sealed record GetDatabaseSummary : IQuery<DatabaseSummary>;

internal sealed class GetDatabaseSummaryHandler : IHandler<GetDatabaseSummary, DatabaseSummary>
{
    public DatabaseSummary Handle(GetDatabaseSummary operation, OperationContext context) => DatabaseSummary.Of(context.Session);
}
