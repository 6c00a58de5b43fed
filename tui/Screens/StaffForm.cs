using McsOps.Core;
using McsOps.Tui.App;

namespace McsOps.Tui.Screens;

/// <summary>The fields a new staff member and an edit share, and how they are read back.</summary>
internal static class StaffForm
{
    /// <summary>The shared fields, filled from <paramref name="staff"/> when editing.</summary>
    public static IReadOnlyList<Field> Fields(TuiContext c, Staff? staff, string facility) =>
    [
        new("facility", c.T("staff.f.facility"), facility),
        new("name", c.T("staff.f.name"), staff?.Name ?? ""),
        new("kana", c.T("staff.f.kana"), staff?.Kana ?? ""),
        new("profession", c.T("staff.f.profession"), staff is null ? "" : Prefill.Token<Profession>(c, staff.Profession), Prefill.Choices<Profession>(c)),
        new("email", c.T("staff.f.email"), staff?.Email ?? ""),
        new("os", c.T("staff.f.osuser"), staff?.OsUser ?? ""),
    ];

    /// <summary><paramref name="staff"/> with the shared fields as typed; a bad value throws the form's message.</summary>
    public static Staff Read(TuiContext c, FormValues v, Staff staff) => staff with
    {
        Facility = v.Code<FacilityCode>("facility", c.T("staff.f.facility")),
        Name = v.Required("name", c.T("staff.f.name")),
        Kana = v.Optional("kana"),
        Profession = v.Token<Profession>("profession", c.T("staff.f.profession")),
        Email = v.Optional("email"),
        OsUser = v.Optional("os"),
    };
}
