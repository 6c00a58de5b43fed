namespace McsOps.Core.Application;

/// <summary>
/// An error answer of the admin API (<c>application/problem+json</c>): the HTTP status, the
/// English message as the title for a person reading it raw, and what the client needs to throw
/// an equal <see cref="OpsException"/> and print it in its own user's language.
/// </summary>
public sealed record WireProblem(int Status, string Title, ExitCode ExitCode, string Key, object?[] Args)
{
    public static WireProblem Of(OpsException exception, int status)
    {
        ArgumentNullException.ThrowIfNull(exception);
        return new WireProblem(status, exception.Message, exception.Code, exception.Key, [.. exception.Args]);
    }

    public OpsException ToException() => new(ExitCode, Key, Args);
}
