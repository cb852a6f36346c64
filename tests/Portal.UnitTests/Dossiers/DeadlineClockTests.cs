using Portal.Domain.Calendar;
using Portal.Domain.Common;
using Portal.Domain.Dossiers;

namespace Portal.UnitTests.Dossiers;

/// <summary>The deadline clock as events: start, pause, resume, extend, transfer; dates recomputed from them alone.</summary>
public sealed class DeadlineClockTests
{
    private static DateTimeOffset At(int month, int day, int hour = 9) => VietnamTime.AtLocal(new DateOnly(2026, month, day), new TimeOnly(hour, 0));

    private static Dossier Received(DateTimeOffset filedAndReceived)
    {
        var dossier = TestData.NewDossier(filedAt: filedAndReceived);
        dossier.Receive("officer", filedAndReceived, TestData.Calendar, TestData.PermanentResidence.TimeLimit);
        dossier.StartProcessing("officer", filedAndReceived.AddMinutes(5));
        return dossier;
    }

    [Fact]
    public void Filing_starts_a_provisional_clock_and_reception_restarts_it()
    {
        var dossier = TestData.NewDossier(filedAt: At(11, 23));
        Assert.Single(dossier.Clock);
        Assert.Equal(DeadlineEventKind.Start, dossier.Clock[0].Kind);
        var provisional = dossier.DueAt;

        dossier.Receive("officer", At(11, 24), TestData.Calendar, TestData.PermanentResidence.TimeLimit);

        Assert.Equal(2, dossier.Clock.Count(e => e.Kind == DeadlineEventKind.Start));
        Assert.Equal(TestData.Calendar.AddWorkingDays(VietnamTime.LocalDate(provisional), 1), VietnamTime.LocalDate(dossier.DueAt));
        Assert.Equal(dossier.DueAt, dossier.AppointmentAt);
    }

    [Fact]
    public void A_pause_across_public_holidays_adds_only_the_working_days_waited()
    {
        // Received Thursday 27/08; supplement asked Friday 28/08, answered Thursday 03/09: the days after
        // the request up to the answer are Mon 31/08 (working), Tue 01/09 and Wed 02/09 (holidays), Thu 03/09 (working).
        var dossier = Received(At(8, 27));
        var before = dossier.DueAt;
        dossier.RequestSupplement("officer", At(8, 28), "Bổ sung bản sao");
        Assert.True(DeadlineClock.Compute(dossier.Clock, TestData.Calendar).IsPaused);

        dossier.RecordSupplement("citizen", At(9, 3), TestData.Calendar);

        Assert.Equal(TestData.Calendar.AddWorkingDays(VietnamTime.LocalDate(before), 2), VietnamTime.LocalDate(dossier.DueAt));
        Assert.Equal(new[] { DeadlineEventKind.Start, DeadlineEventKind.Start, DeadlineEventKind.Pause, DeadlineEventKind.Resume }, dossier.Clock.Select(e => e.Kind));
        Assert.False(DeadlineClock.Compute(dossier.Clock, TestData.Calendar).IsPaused);
    }

    [Fact]
    public void The_dates_are_recomputed_from_the_events_alone_in_any_order()
    {
        var dossier = Received(At(11, 2));
        dossier.RequestSupplement("officer", At(11, 3), "Bổ sung");
        dossier.RecordSupplement("citizen", At(11, 5), TestData.Calendar);
        dossier.Apologise("officer", At(11, 12), VietnamTime.AtLocal(new DateOnly(2026, 11, 20), new TimeOnly(17, 0)), "Cần xác minh thêm", TestData.Calendar);

        var replayed = DeadlineClock.Compute(dossier.Clock.Reverse(), TestData.Calendar);

        Assert.Equal(dossier.DueAt, replayed.StatutoryDueAt);
        Assert.Equal(dossier.AppointmentAt, replayed.AppointmentAt);
        Assert.Equal(VietnamTime.AtLocal(new DateOnly(2026, 11, 20), new TimeOnly(17, 0)), replayed.AppointmentAt);
    }

    [Fact]
    public void An_apology_gives_a_new_appointment_but_the_dossier_still_counts_as_late()
    {
        var dossier = Received(At(11, 2));
        var statutory = dossier.DueAt;
        var newDate = VietnamTime.AtLocal(TestData.Calendar.AddWorkingDays(VietnamTime.LocalDate(statutory), 3), new TimeOnly(17, 0));

        dossier.Apologise("officer", statutory.AddHours(-2), newDate, "Chờ kết quả xác minh của cơ quan khác", TestData.Calendar);
        Assert.Equal(statutory, dossier.DueAt);
        Assert.Equal(newDate, dossier.AppointmentAt);
        Assert.Equal(NationalForm.Apology, dossier.History[^1].Form);
        Assert.False(dossier.History[^1].IsInternal);

        dossier.Propose("officer", statutory.AddHours(20), ProcessingOutcome.Approved, null);
        dossier.Approve("leader", statutory.AddHours(21));

        Assert.True(dossier.CompletedAt < dossier.AppointmentAt);
        Assert.Equal(Timeliness.Late, dossier.Timeliness);
    }

    [Theory]
    [InlineData(0, "dossier.appointment.invalid")] // not after the current appointment
    [InlineData(-3, "dossier.appointment.invalid")]
    public void An_apology_must_move_the_date_forward(int workingDays, string code)
    {
        var dossier = Received(At(11, 2));
        var day = workingDays >= 0
            ? TestData.Calendar.AddWorkingDays(VietnamTime.LocalDate(dossier.DueAt), workingDays)
            : VietnamTime.LocalDate(dossier.DueAt).AddDays(workingDays);
        var clock = dossier.Clock.Count;

        var error = Assert.Throws<BusinessRuleViolationException>(() =>
            dossier.Apologise("officer", At(11, 3), VietnamTime.AtLocal(day, new TimeOnly(17, 0)), "Lý do", TestData.Calendar));

        Assert.Equal(code, error.Rule.Code);
        Assert.Equal(clock, dossier.Clock.Count);
    }

    [Fact]
    public void An_apology_cannot_promise_a_holiday()
    {
        var dossier = Received(At(8, 25));
        var error = Assert.Throws<BusinessRuleViolationException>(() =>
            dossier.Apologise("officer", At(8, 26), VietnamTime.AtLocal(new DateOnly(2026, 9, 2), new TimeOnly(17, 0)), "Lý do", TestData.Calendar));
        Assert.Equal("dossier.appointment.invalid", error.Rule.Code);
    }

    [Fact]
    public void A_transfer_is_recorded_on_the_clock_and_the_clock_runs_on()
    {
        var dossier = Received(At(11, 2));
        var due = dossier.DueAt;
        dossier.Claim("officer", At(11, 3));

        dossier.TransferTo(Portal.Domain.AdministrativeUnits.CommuneCode.Parse("14797"), "admin", At(11, 4), "Sáp nhập đơn vị");

        Assert.Equal(DeadlineEventKind.Transfer, dossier.Clock[^1].Kind);
        Assert.Equal(due, dossier.DueAt);
        Assert.Null(dossier.AssignedTo);
    }

    [Fact]
    public void Risk_is_overdue_past_the_date_due_soon_within_one_working_day_and_on_track_otherwise()
    {
        var friday = At(11, 27, 10);
        var mondayClose = VietnamTime.AtLocal(new DateOnly(2026, 11, 30), new TimeOnly(17, 0));
        var tuesdayClose = mondayClose.AddDays(1);

        Assert.Equal(DeadlineRiskLevel.Overdue, DeadlineRisk.Of(friday.AddHours(-1), friday, TestData.Calendar));
        Assert.Equal(DeadlineRiskLevel.DueSoon, DeadlineRisk.Of(mondayClose, friday, TestData.Calendar));
        Assert.Equal(DeadlineRiskLevel.OnTrack, DeadlineRisk.Of(tuesdayClose, friday, TestData.Calendar));
    }

    [Fact]
    public void A_dossier_predicted_to_miss_its_date_gets_a_drafted_apology_two_working_days_later()
    {
        var dossier = Received(At(11, 2));
        var dayBefore = dossier.DueAt.AddDays(-1);

        Assert.False(DeadlineRisk.NeedsApology(dossier, At(11, 3), TestData.Calendar));
        Assert.True(DeadlineRisk.NeedsApology(dossier, dayBefore, TestData.Calendar));
        Assert.Equal(TestData.Calendar.AddWorkingDays(VietnamTime.LocalDate(dossier.DueAt), 2), DeadlineRisk.DraftAppointment(dossier, dayBefore, TestData.Calendar));

        // Once apologised for (or decided), it is no longer predicted to miss a date.
        dossier.Apologise("officer", dayBefore, VietnamTime.AtLocal(DeadlineRisk.DraftAppointment(dossier, dayBefore, TestData.Calendar), new TimeOnly(17, 0)), "Lý do", TestData.Calendar);
        Assert.False(DeadlineRisk.NeedsApology(dossier, dayBefore, TestData.Calendar));
    }
}
