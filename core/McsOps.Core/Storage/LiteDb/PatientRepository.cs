using LiteDB;

namespace McsOps.Core.Storage.LiteDb;

internal sealed class PatientRepository(LiteSession session)
    : LiteRepository<PatientCode, Patient>(session, "patients"), IPatientRepository
{
    protected override BsonValue Id(PatientCode key) => key.Value;

    protected override void Touched(Patient p) => Session.MarkPatient(p.Code);

    /// <summary>A new patient has no group yet: nothing to bring up to date.</summary>
    protected override void Inserted(Patient p)
    {
    }

    protected override BsonDocument ToDoc(Patient p) => new()
    {
        ["_id"] = p.Code.Value,
        ["name"] = p.Name,
        ["kana"] = Bson.Str(p.Kana),
        ["attending"] = Bson.Code(p.AttendingStaff),
        ["status"] = Bson.Enum(p.Status),
        ["discharged_on"] = Bson.Date(p.DischargedOn),
        ["discharge_reason"] = Bson.Enum(p.DischargeReason),
        ["consent"] = p.Consent is { } c
            ? new BsonDocument
            {
                ["form"] = Bson.Enum(c.Form),
                ["signed_on"] = Bson.Date(c.SignedOn),
                ["signed_by"] = Bson.Enum(c.SignedBy),
                ["refused"] = new BsonArray(c.RefusedFacilities.Select(f => new BsonValue(f.Value))),
                ["withdrawn_on"] = Bson.Date(c.WithdrawnOn),
            }
            : BsonValue.Null,
        ["transferred_in_on"] = Bson.Date(p.TransferredInOn),
    };

    protected override Patient FromDoc(BsonDocument d) => new()
    {
        Code = Bson.CodeOf<PatientCode>(d["_id"]),
        Name = d["name"].AsString,
        Kana = Bson.Str(d["kana"]),
        AttendingStaff = Bson.Code<StaffCode>(d["attending"]),
        Status = Bson.EnumOf<PatientStatus>(d["status"]),
        DischargedOn = Bson.Date(d["discharged_on"]),
        DischargeReason = Bson.EnumOrNull<DischargeReason>(d["discharge_reason"]),
        Consent = d["consent"].IsNull
            ? null
            : new Consent
            {
                Form = Bson.EnumOf<ConsentForm>(d["consent"]["form"]),
                SignedOn = Bson.Date(d["consent"]["signed_on"]),
                SignedBy = Bson.EnumOrNull<ConsentSigner>(d["consent"]["signed_by"]),
                RefusedFacilities = d["consent"]["refused"].AsArray.Select(Bson.CodeOf<FacilityCode>).ToList(),
                WithdrawnOn = Bson.Date(d["consent"]["withdrawn_on"]),
            },
        TransferredInOn = Bson.Date(d["transferred_in_on"]),
    };
}
