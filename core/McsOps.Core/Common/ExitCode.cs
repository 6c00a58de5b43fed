namespace McsOps.Core;

/// <summary>The exit codes of <c>mcsops</c> (design §9).</summary>
public enum ExitCode
{
    Ok = 0,
    InternalError = 1,
    BadArguments = 2,
    InputRejected = 3,
    Locked = 4,
    IntegrityBroken = 5,
    NotPermitted = 6,
}
