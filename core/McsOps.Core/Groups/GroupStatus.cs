namespace McsOps.Core;

public enum GroupStatus
{
    [Token("active")] Active,
    [Token("archive_pending")] ArchivePending,
    [Token("archived")] Archived,
}
