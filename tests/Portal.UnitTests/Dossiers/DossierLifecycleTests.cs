using Portal.Domain.Calendar;
using Portal.Domain.Common;
using Portal.Domain.Dossiers;
using Portal.Domain.Dossiers.Events;

namespace Portal.UnitTests.Dossiers;

public sealed class DossierLifecycleTests
{
    private static readonly DateTimeOffset Monday9 = VietnamTime.AtLocal(new DateOnly(2026, 11, 23), new TimeOnly(9, 0));

    private static readonly Dictionary<string, Action<Dossier>> Actions = new()
    {
        ["Receive"] = d => d.Receive("officer", Monday9.AddHours(1), TestData.Calendar, TestData.PermanentResidence.TimeLimit),
        ["RefuseAtReception"] = d => d.RefuseAtReception("officer", Monday9.AddHours(1), "Thiếu giấy tờ"),
        ["StartProcessing"] = d => d.StartProcessing("officer", Monday9.AddHours(2)),
        ["RequestSupplement"] = d => d.RequestSupplement("officer", Monday9.AddHours(3), "Bổ sung bản sao"),
        ["RecordSupplement"] = d => d.RecordSupplement("citizen", Monday9.AddDays(2), TestData.Calendar),
        ["Approve"] = d =>
        {
            ProposeIfWorking(d);
            d.Approve("leader", Monday9.AddDays(3));
        },
        ["RefuseResult"] = d =>
        {
            ProposeIfWorking(d);
            d.RefuseResult("leader", Monday9.AddDays(3), "Không đủ điều kiện");
        },
        ["ReturnResult"] = d => d.ReturnResult("officer", Monday9.AddDays(4)),
        ["Withdraw"] = d => d.Withdraw("citizen", Monday9.AddHours(5), null),
        ["Stop"] = d => d.Stop("officer", Monday9.AddHours(5), "Công dân đề nghị dừng"),
    };

    private static readonly Dictionary<DossierStatus, string[]> PathTo = new()
    {
        [DossierStatus.New] = [],
        [DossierStatus.Received] = ["Receive"],
        [DossierStatus.RefusedAtReception] = ["RefuseAtReception"],
        [DossierStatus.InProcess] = ["Receive", "StartProcessing"],
        [DossierStatus.SupplementRequested] = ["Receive", "StartProcessing", "RequestSupplement"],
        [DossierStatus.Processed] = ["Receive", "StartProcessing", "Approve"],
        [DossierStatus.ResultReturned] = ["Receive", "StartProcessing", "Approve", "ReturnResult"],
        [DossierStatus.Withdrawn] = ["Withdraw"],
        [DossierStatus.Stopped] = ["Receive", "Stop"],
    };

    /// <summary>The lifecycle as the law describes it, written independently of the rule's own table.</summary>
    private static readonly Dictionary<string, (DossierStatus[] From, DossierStatus To)> Legal = new()
    {
        ["Receive"] = ([DossierStatus.New], DossierStatus.Received),
        ["RefuseAtReception"] = ([DossierStatus.New], DossierStatus.RefusedAtReception),
        ["StartProcessing"] = ([DossierStatus.Received], DossierStatus.InProcess),
        ["RequestSupplement"] = ([DossierStatus.InProcess], DossierStatus.SupplementRequested),
        ["RecordSupplement"] = ([DossierStatus.SupplementRequested], DossierStatus.InProcess),
        ["Approve"] = ([DossierStatus.InProcess], DossierStatus.Processed),
        ["RefuseResult"] = ([DossierStatus.InProcess], DossierStatus.Processed),
        ["ReturnResult"] = ([DossierStatus.Processed], DossierStatus.ResultReturned),
        ["Withdraw"] = ([DossierStatus.New, DossierStatus.Received, DossierStatus.InProcess, DossierStatus.SupplementRequested], DossierStatus.Withdrawn),
        ["Stop"] = ([DossierStatus.Received, DossierStatus.InProcess, DossierStatus.SupplementRequested], DossierStatus.Stopped),
    };

    public static TheoryData<DossierStatus, string> EveryStateAndAction()
    {
        var data = new TheoryData<DossierStatus, string>();
        foreach (var state in PathTo.Keys)
        {
            foreach (var action in Actions.Keys)
            {
                data.Add(state, action);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(EveryStateAndAction))]
    public void Every_action_moves_a_dossier_only_where_the_lifecycle_allows(DossierStatus from, string action)
    {
        var dossier = InState(from);
        // Status changes only: the officer's proposal before a leader's signature is an internal entry of its own.
        int StatusEntries() => dossier.History.Count(h => !h.IsInternal);
        var historyBefore = StatusEntries();
        var (legalFrom, to) = Legal[action];

        if (legalFrom.Contains(from))
        {
            Actions[action](dossier);
            Assert.Equal(to, dossier.Status);
            Assert.Equal(historyBefore + 1, StatusEntries());
            Assert.Equal(from, dossier.History[^1].From);
            Assert.Contains(dossier.DomainEvents, e => e is DossierStatusChanged c && c.From == from && c.To == to);
        }
        else
        {
            var error = Assert.Throws<BusinessRuleViolationException>(() => Actions[action](dossier));
            Assert.Equal("dossier.transition.not-allowed", error.Rule.Code);
            Assert.Equal(from, dossier.Status);
            Assert.Equal(historyBefore, StatusEntries());
        }
    }

    [Fact]
    public void Filing_records_the_first_history_entry_and_raises_DossierFiled()
    {
        var dossier = TestData.NewDossier();

        Assert.Equal(DossierStatus.New, dossier.Status);
        var entry = Assert.Single(dossier.History);
        Assert.Null(entry.From);
        Assert.Equal("user-1", entry.Actor);
        var filed = Assert.IsType<DossierFiled>(Assert.Single(dossier.DomainEvents));
        Assert.Equal(dossier.Code.Value, filed.Code);
        Assert.Equal("Nguyễn Văn An", filed.ApplicantName);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public void Refusing_without_a_reason_is_refused_and_changes_nothing(string reason)
    {
        var dossier = TestData.NewDossier();

        var error = Assert.Throws<BusinessRuleViolationException>(() => dossier.RefuseAtReception("officer", Monday9, reason));

        Assert.Equal("dossier.reason.required", error.Rule.Code);
        Assert.Equal(DossierStatus.New, dossier.Status);
    }

    [Fact]
    public void Receiving_sets_the_due_date_from_the_moment_of_reception()
    {
        var dossier = TestData.NewDossier();
        var friday10 = VietnamTime.AtLocal(new DateOnly(2026, 11, 27), new TimeOnly(10, 0));

        dossier.Receive("officer", friday10, TestData.Calendar, TestData.PermanentResidence.TimeLimit);

        // 7 working days from Friday 27/11: 30/11 .. 04/12 (5), 07/12, 08/12.
        Assert.Equal(VietnamTime.AtLocal(new DateOnly(2026, 12, 8), new TimeOnly(17, 0)), dossier.DueAt);
    }

    [Fact]
    public void The_supplement_wait_is_not_counted_against_the_deadline()
    {
        var dossier = InState(DossierStatus.InProcess);
        var dueBefore = dossier.DueAt;
        dossier.RequestSupplement("officer", VietnamTime.AtLocal(new DateOnly(2026, 11, 24), new TimeOnly(9, 0)), "Thiếu giấy tờ");

        dossier.RecordSupplement("citizen", VietnamTime.AtLocal(new DateOnly(2026, 11, 26), new TimeOnly(9, 0)), TestData.Calendar);

        Assert.Equal(VietnamTime.AtLocal(TestData.Calendar.AddWorkingDays(VietnamTime.LocalDate(dueBefore), 2), new TimeOnly(17, 0)), dossier.DueAt);
    }

    [Fact]
    public void Finishing_before_the_due_day_is_early_and_after_the_due_date_is_late()
    {
        var early = InState(DossierStatus.InProcess);
        ProposeIfWorking(early);
        early.Approve("leader", Monday9.AddDays(1));
        Assert.Equal(Timeliness.Early, early.Timeliness);

        var late = InState(DossierStatus.InProcess);
        ProposeIfWorking(late);
        late.Approve("leader", late.DueAt.AddMinutes(1));
        Assert.Equal(Timeliness.Late, late.Timeliness);

        var onTime = InState(DossierStatus.InProcess);
        ProposeIfWorking(onTime);
        onTime.Approve("leader", onTime.DueAt.AddHours(-1));
        Assert.Equal(Timeliness.OnTime, onTime.Timeliness);
    }

    [Fact]
    public void More_than_one_supplement_request_counts_as_late()
    {
        var dossier = InState(DossierStatus.InProcess);
        for (var i = 0; i < 2; i++)
        {
            dossier.RequestSupplement("officer", Monday9.AddHours(3), "Bổ sung");
            dossier.RecordSupplement("citizen", Monday9.AddHours(4), TestData.Calendar);
        }

        ProposeIfWorking(dossier);
        dossier.Approve("leader", Monday9.AddHours(5));

        Assert.Equal(Timeliness.Late, dossier.Timeliness);
    }

    /// <summary>A leader signs an officer's proposal; where the lifecycle allows one, the officer proposes first.</summary>
    private static void ProposeIfWorking(Dossier dossier)
    {
        if (dossier.Status == DossierStatus.InProcess && dossier.ProposedOutcome is null)
        {
            dossier.Propose("officer", dossier.History[^1].At, ProcessingOutcome.Approved, null);
        }
    }

    private static Dossier InState(DossierStatus status)
    {
        var dossier = TestData.NewDossier();
        foreach (var step in PathTo[status])
        {
            Actions[step](dossier);
        }

        Assert.Equal(status, dossier.Status);
        dossier.ClearDomainEvents();
        return dossier;
    }
}
