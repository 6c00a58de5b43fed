namespace McsOps.Core;

/// <summary>端末管理台帳 entry. <see cref="ClientCert"/> is the client certificate's identifier, if one was issued.</summary>
public sealed record Device
{
    public required AssetTag Tag { get; init; }

    public required DeviceKind Kind { get; init; }

    public StaffCode? Holder { get; init; }

    public bool OffsiteApproved { get; init; }

    public string? ClientCert { get; init; }

    public DeviceStatus Status { get; init; }

    public DateOnly? LostOn { get; init; }

    /// <summary>備考: free text about the device (where it is kept, what happened when it was lost); no patient data.</summary>
    public string? Note { get; init; }
}
