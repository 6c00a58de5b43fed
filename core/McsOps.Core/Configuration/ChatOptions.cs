namespace McsOps.Core.Configuration;

/// <summary>
/// Section <c>Chat</c>, the part core reads (design §7, §9): how a patient is named in chat and the
/// quiet hours of non-urgent messages. The service reads the dispatcher's and the limits' keys itself.
/// </summary>
public sealed class ChatOptions
{
    public const string Section = "Chat";

    /// <summary><c>code</c> (P-0042) or <c>initials</c> (P-0042 and A.T., from the patient's kana).</summary>
    public string PatientDisplay { get; set; } = "code";

    /// <summary>Facility time, <c>HH:mm-HH:mm</c>; equal ends mean none.</summary>
    public string QuietHours { get; set; } = "20:00-08:00";
}
