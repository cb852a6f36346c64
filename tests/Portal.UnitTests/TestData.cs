using Portal.Domain.AdministrativeUnits;
using Portal.Domain.Calendar;
using Portal.Domain.Catalogue;
using Portal.Domain.Dossiers;
using Portal.Domain.Fees;
using Portal.Domain.People;

namespace Portal.UnitTests;

/// <summary>Small, explicit domain objects for tests; reference data proper is tested against the seed files.</summary>
internal static class TestData
{
    public static readonly LegalBasis Circular75 = new("75/2022/TT-BTC", new DateOnly(2022, 12, 22), "Thông tư 75", "Circular 75");
    public static readonly LegalBasis Resolution12 = new("12/2025/NQ-HĐND", new DateOnly(2025, 6, 24), "Nghị quyết 12", "Resolution 12");

    public static readonly Procedure PermanentResidence = new(
        "1.004222", "Đăng ký thường trú", "Permanent residence registration", "residence", "Cư trú", "Residence",
        HandlingAgency.CommunePolice, new TimeLimit(7), tiedToResidence: true,
        [
            new ScheduledFee(FilingChannel.Direct, FeeKind.Fee, FeeAuthority.Central, 20_000, "Lệ phí", "Fee", Circular75),
            new ScheduledFee(FilingChannel.Online, FeeKind.Fee, FeeAuthority.Central, 10_000, "Lệ phí", "Fee", Circular75),
        ],
        [new FormField("residenceAddress", "Địa chỉ", "Address", FormFieldType.Text, true, 300)]);

    public static readonly Procedure BirthRegistration = new(
        "1.001193", "Đăng ký khai sinh", "Birth registration", "civil-status", "Hộ tịch", "Civil status",
        HandlingAgency.CommuneCommittee, new TimeLimit(0), tiedToResidence: false, [], []);

    public static FeeRule OnlineWaiver(DateOnly? to = null, IReadOnlyList<string>? procedures = null) => new(
        Guid.NewGuid(), "Miễn phí trực tuyến", Resolution12, new DateOnly(2025, 6, 24), to,
        new FeeRuleScope([FilingChannel.Online], procedures ?? [], [], []), 100);

    public static readonly WorkingCalendar Calendar = new(
        [new DateOnly(2026, 9, 1), new DateOnly(2026, 9, 2)],
        [new DateOnly(2026, 10, 10)]);

    public static Dossier NewDossier(Procedure? procedure = null, DateTimeOffset? filedAt = null)
    {
        var p = procedure ?? PermanentResidence;
        var at = filedAt ?? VietnamTime.AtLocal(new DateOnly(2026, 11, 23), new TimeOnly(9, 0));
        var commune = CommuneCode.Parse("14758");
        return Dossier.File(
            new FilingDetails(
                Guid.NewGuid(), DossierCode.Create(commune, VietnamTime.LocalDate(at), 1), "ABCD2345", p, commune, FilingChannel.Online,
                new Applicant("user-1", CitizenId.Parse("038090000001"), "Nguyễn Văn An"),
                new Dictionary<string, string> { ["residenceAddress"] = "Số 12" },
                FeeAssessor.Assess(p, FilingChannel.Online, VietnamTime.LocalDate(at), [OnlineWaiver()]),
                null),
            at,
            Calendar);
    }
}
