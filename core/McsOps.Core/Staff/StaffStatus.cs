namespace McsOps.Core;

public enum StaffStatus
{
    [Token("active")] Active,
    [Token("leaving")] Leaving,
    [Token("departed")] Departed,
    [Token("suspended")] Suspended,
}
