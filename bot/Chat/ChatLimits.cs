using System.Globalization;
using System.Net;
using McsOps.Bot.Limits;
using McsOps.Core;
using McsOps.Core.Storage;
using Microsoft.Extensions.Options;

namespace McsOps.Bot.Chat;

/// <summary>
/// The chat endpoints' limits, shared by every platform adapter. Requests that fail verification
/// are limited per source address (every genuine request comes from the platform's few addresses,
/// so this never slows a real user); verified ones per chat user. Each lockout is audited once
/// (<c>security.lockout</c>, actor <c>system</c>, subject the address or the platform user).
/// </summary>
internal sealed partial class ChatLimits(IOptions<ChatLimitOptions> options, TimeProvider time, IServiceProvider services, ILogger<ChatLimits> logger)
{
    private static readonly TimeSpan Minute = TimeSpan.FromMinutes(1);

    public SlidingLimiter Unverified { get; } = new(options.Value.MaxUnverifiedPerMinute, Minute, time);

    public SlidingLimiter PerUser { get; } = new(options.Value.MaxRequestsPerUserPerMinute, Minute, time);

    /// <summary>
    /// The address the request came from: the connection's, or — when the connection is the
    /// reverse proxy on this host (loopback) — the last address it put in <c>X-Forwarded-For</c>,
    /// the one the proxy itself saw (earlier entries are whatever the client claimed).
    /// </summary>
    public static string SourceOf(HttpContext http)
    {
        ArgumentNullException.ThrowIfNull(http);
        var remote = http.Connection.RemoteIpAddress;
        if (remote is not null && IPAddress.IsLoopback(remote)
            && http.Request.Headers["X-Forwarded-For"].ToString().Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries) is [.., var last]
            && IPAddress.TryParse(last, out var forwarded))
        {
            return forwarded.ToString();
        }

        return remote?.ToString() ?? "unknown";
    }

    /// <summary>
    /// Whether a request from <paramref name="http"/>'s source may be read at all: false (429,
    /// the lockout audited once) while that address is over the limit of failed verifications.
    /// </summary>
    public bool SourceMayTry(string platform, HttpContext http, out string source)
    {
        source = SourceOf(http);
        var verdict = Unverified.Check(source);
        if (verdict == LimitVerdict.LockedOut)
        {
            AuditLockout(platform + ":" + source, "requests failing verification " + PerMinute(Unverified.Limit));
        }

        return verdict == LimitVerdict.Allowed;
    }

    /// <summary>Counts a verified request of a chat user: allowed, or over the limit (the first refusal of a lockout is audited).</summary>
    public LimitVerdict UserRequest(string platform, string user)
    {
        var key = platform + ":" + user;
        var verdict = PerUser.Hit(key);
        if (verdict == LimitVerdict.LockedOut)
        {
            AuditLockout(key, PerMinute(PerUser.Limit));
        }

        return verdict;
    }

    /// <summary>Writes the audit entry of a lockout; a store that cannot be written (not open yet) is logged, never thrown.</summary>
    public void AuditLockout(string subject, string why)
    {
        LockedOut(logger, subject, why);
        try
        {
            services.GetRequiredService<IStore>().Write(s => s.Audit.Append(Actor.System, "security.lockout", subject, why));
        }
        catch (Exception e) when (e is OpsException or InvalidOperationException or IOException)
        {
            AuditFailed(logger, subject, e);
        }
    }

    public static string PerMinute(int limit) => string.Format(CultureInfo.InvariantCulture, "more than {0} per minute", limit);

    [LoggerMessage(EventId = 6101, Level = LogLevel.Warning, Message = "Chat lockout of {Subject}: {Why}")]
    private static partial void LockedOut(ILogger logger, string subject, string why);

    [LoggerMessage(EventId = 6102, Level = LogLevel.Error, Message = "The lockout of {Subject} could not be audited")]
    private static partial void AuditFailed(ILogger logger, string subject, Exception exception);
}
