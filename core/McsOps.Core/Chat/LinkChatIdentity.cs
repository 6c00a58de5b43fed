using McsOps.Core.Application;

namespace McsOps.Core;

/// <summary>
/// <c>link &lt;code&gt;</c> in chat: binds this Slack or Teams user to the staff record the admin
/// issued the code for. The code works once and for 24 hours. A chat identity belongs to one staff
/// record: linking it moves it from any record that had it.
/// </summary>
public sealed record LinkChatIdentity(string Code, Channel Platform, string PlatformUserId) : IOperation<Staff>;

internal sealed class LinkChatIdentityHandler : IHandler<LinkChatIdentity, Staff>
{
    public Staff Handle(LinkChatIdentity op, OperationContext ctx)
    {
        if (op.Platform is not (Channel.Slack or Channel.Teams) || string.IsNullOrWhiteSpace(op.PlatformUserId))
        {
            throw OperationContext.Rejected("op.link.platform");
        }

        var code = ctx.Session.LinkCodes.Take(LinkCode.HashOf(op.Code ?? string.Empty));
        if (code is null || code.ExpiresAt < ctx.Now)
        {
            throw OperationContext.Rejected("op.link.badcode");
        }

        var staff = ctx.Staff(code.Staff);
        if (ctx.Session.Staff.FindByChatUser(op.Platform, op.PlatformUserId) is { } previous && previous.Code != staff.Code)
        {
            ctx.Session.Staff.Upsert(op.Platform == Channel.Slack ? previous with { SlackUserId = null } : previous with { TeamsUserId = null });
            ctx.Audit("staff.unlink", previous.Code.Value, $"{Tokens.Format(op.Platform)}; linked to {staff.Code.Value}");
        }

        var updated = op.Platform == Channel.Slack ? staff with { SlackUserId = op.PlatformUserId } : staff with { TeamsUserId = op.PlatformUserId };
        ctx.Session.Staff.Upsert(updated);
        ctx.Audit("staff.link", staff.Code.Value, Tokens.Format(op.Platform));
        return updated;
    }
}
