namespace McsOps.Core.Application;

/// <summary>The service's answer to "who am I": the actor it records this connection's changes as, and whether it may only read.</summary>
public sealed record WireCaller(Actor Actor, bool ReadOnly);
