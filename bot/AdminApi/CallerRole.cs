namespace McsOps.Bot.AdminApi;

/// <summary>What a caller of the admin API may do.</summary>
internal enum CallerRole
{
    /// <summary>Not an admin or auditor: refused.</summary>
    None,

    /// <summary>Queries, and the operations that only leave an audit entry.</summary>
    Auditor,

    /// <summary>Everything.</summary>
    Admin,
}
