namespace McsOps.Core;

/// <summary>How chat names a patient (<c>Chat:PatientDisplay</c>): never by name.</summary>
public enum PatientDisplay
{
    /// <summary>The patient code only (the default).</summary>
    [Token("code")] Code,

    /// <summary>The code and the initials of the patient's name in kana, romanised (アオキ タロウ → A.T.).</summary>
    [Token("initials")] Initials,
}
