namespace McsOps.Core;

public enum MembershipState
{
    [Token("invited", "承認待ち")] Invited,
    [Token("active")] Active,
    [Token("removal_pending")] RemovalPending,
    [Token("removed")] Removed,
}
