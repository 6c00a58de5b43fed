namespace McsOps.Core.Demo;

/// <summary>
/// The demo data set of the fictional 山田クリニック (F-0001): 25 own staff, 40 professionals of
/// six external facilities, 60 patients with one patient group each, 4 free groups and 30 devices,
/// as the six import files. The same <c>today</c> always gives the same text.
/// </summary>
/// <remarks>
/// Work planted for the first screen, all counted from <c>today</c>: 8rotating passwords due in
/// 2, 6 and 12 days and overdue by about 5 days and a month, three <c>unknown</c> password classes;
/// P-0012 and P-0037 discharged 10 and 3 days ago while their groups are still active; S-0008
/// leaving in 14 days, owner of three groups and holder of a device; five invitations sent 1–6
/// days ago (one from a facility the patient refused, one to an unverified invitee, one to an
/// invitee without profile and photo); P-0025's group has external members and no consent on
/// file; P-0046 refused F-0006; S-0024 has no pledge; S-0018's training is 14 months old; D-0013
/// was lost 4 days ago.
/// </remarks>
public static class DemoFacility
{
    /// <summary>The code of the demo's home facility, 山田クリニック.</summary>
    public const string HomeFacilityCode = DemoRoster.Home;

    /// <summary>
    /// The six CSV texts in import order: facilities, staff, patients, groups, memberships,
    /// devices. Each starts with its header row; lines end in CRLF.
    /// </summary>
    public static IReadOnlyList<(string Kind, string Csv)> Build(DateOnly today) => new DemoBuilder(today).Build();
}
