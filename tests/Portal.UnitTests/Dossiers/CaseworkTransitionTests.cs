using Portal.Domain.Common;
using Portal.Domain.Dossiers;

namespace Portal.UnitTests.Dossiers;

/// <summary>Assignment and the officer's proposal → leader's signature, as domain transitions.</summary>
public sealed class CaseworkTransitionTests
{
    private static readonly DateTimeOffset Now = Portal.Domain.Calendar.VietnamTime.AtLocal(new DateOnly(2026, 11, 23), new TimeOnly(10, 0));

    private static Dossier InProcess()
    {
        var dossier = TestData.NewDossier();
        dossier.Receive("officer", Now, TestData.Calendar, TestData.PermanentResidence.TimeLimit);
        dossier.StartProcessing("officer", Now.AddMinutes(1));
        return dossier;
    }

    [Fact]
    public void Claim_assign_and_release_are_audited_internal_entries_that_bump_the_version()
    {
        var dossier = InProcess();
        var version = dossier.Version;

        dossier.Claim(new ActorRef("police.14758", "PoliceOfficer", "14758"), Now.AddMinutes(2));
        Assert.Equal("police.14758", dossier.AssignedTo);
        dossier.Assign("police2.14758", new ActorRef("police-lead.14758", "PoliceLeader", "14758"), Now.AddMinutes(3));
        Assert.Equal("police2.14758", dossier.AssignedTo);
        dossier.Release("police2.14758", Now.AddMinutes(4));

        Assert.Null(dossier.AssignedTo);
        Assert.Equal(version + 3, dossier.Version);
        Assert.All(dossier.History.TakeLast(3), h => Assert.True(h.IsInternal));
        Assert.Contains("police2.14758", dossier.History[^2].Reason, StringComparison.Ordinal);
        Assert.Equal(DossierStatus.InProcess, dossier.Status);
    }

    [Fact]
    public void A_finished_dossier_cannot_be_claimed()
    {
        var dossier = TestData.NewDossier();
        dossier.Withdraw("citizen", Now, null);

        var error = Assert.Throws<BusinessRuleViolationException>(() => dossier.Claim("officer", Now));

        Assert.Equal("dossier.closed", error.Rule.Code);
        Assert.Null(dossier.AssignedTo);
    }

    [Fact]
    public void A_leader_cannot_sign_before_the_officer_proposes()
    {
        var dossier = InProcess();

        Assert.Equal("dossier.proposal.missing", Assert.Throws<BusinessRuleViolationException>(() => dossier.Approve("leader", Now)).Rule.Code);
        Assert.Equal("dossier.proposal.missing", Assert.Throws<BusinessRuleViolationException>(() => dossier.RefuseResult("leader", Now, "Không đủ")).Rule.Code);
        Assert.Equal("dossier.proposal.missing", Assert.Throws<BusinessRuleViolationException>(() => dossier.SendBack("leader", Now, "Xem lại")).Rule.Code);
        Assert.Equal(DossierStatus.InProcess, dossier.Status);
    }

    [Fact]
    public void Proposing_a_refusal_needs_a_reason_and_the_signature_applies_what_was_proposed()
    {
        var dossier = InProcess();
        Assert.Equal("dossier.reason.required", Assert.Throws<BusinessRuleViolationException>(() =>
            dossier.Propose("officer", Now, ProcessingOutcome.Refused, " ")).Rule.Code);

        dossier.Propose("officer", Now.AddHours(1), ProcessingOutcome.Refused, "Không đủ điều kiện thường trú");
        Assert.Equal(ProcessingOutcome.Refused, dossier.ProposedOutcome);
        dossier.Approve(new ActorRef("leader", "PoliceLeader", "14758"), Now.AddHours(2));

        Assert.Equal(DossierStatus.Processed, dossier.Status);
        Assert.Equal(ProcessingOutcome.Refused, dossier.Outcome);
        Assert.Equal("Không đủ điều kiện thường trú", dossier.History[^1].Reason);
        Assert.Null(dossier.ProposedOutcome);
    }

    [Fact]
    public void A_leader_sends_a_proposal_back_with_a_reason_and_the_officer_proposes_again()
    {
        var dossier = InProcess();
        dossier.Propose("officer", Now.AddHours(1), ProcessingOutcome.Approved, null);

        Assert.Equal("dossier.reason.required", Assert.Throws<BusinessRuleViolationException>(() => dossier.SendBack("leader", Now, "")).Rule.Code);
        dossier.SendBack("leader", Now.AddHours(2), "Thiếu xác minh nơi ở");

        Assert.Null(dossier.ProposedOutcome);
        Assert.Contains("Thiếu xác minh nơi ở", dossier.History[^1].Reason, StringComparison.Ordinal);
        dossier.Propose("officer", Now.AddHours(3), ProcessingOutcome.Approved, "Đã xác minh");
        dossier.Approve("leader", Now.AddHours(4));
        Assert.Equal(ProcessingOutcome.Approved, dossier.Outcome);
    }

    [Fact]
    public void Four_eyes_one_proposal_at_a_time_no_self_signing_and_a_supplement_request_voids_the_proposal()
    {
        var dossier = InProcess();
        dossier.Propose("lead", Now, ProcessingOutcome.Approved, null);

        Assert.Equal("dossier.proposal.pending", Assert.Throws<BusinessRuleViolationException>(() => dossier.Propose("officer", Now, ProcessingOutcome.Approved, null)).Rule.Code);
        Assert.Equal("dossier.proposal.self-signed", Assert.Throws<BusinessRuleViolationException>(() => dossier.Approve("lead", Now)).Rule.Code);
        Assert.Equal("dossier.reason.required", Assert.Throws<BusinessRuleViolationException>(() =>
            dossier.SendBack("other-lead", Now, new string('x', DossierTransition.ReasonMaxLength + 1))).Rule.Code);

        dossier.RequestSupplement("officer", Now.AddHours(1), "Bổ sung");
        Assert.Null(dossier.ProposedOutcome);
        Assert.Equal("dossier.reason.required", Assert.Throws<BusinessRuleViolationException>(() =>
            dossier.RecordSupplement("citizen", Now.AddHours(2), TestData.Calendar, new string('x', DossierTransition.ReasonMaxLength + 1))).Rule.Code);
        Assert.Equal(DossierStatus.SupplementRequested, dossier.Status);
    }

    [Fact]
    public void Only_an_unassigned_dossier_is_claimed_and_only_its_officer_releases_it()
    {
        var dossier = InProcess();
        dossier.Claim("a", Now);

        Assert.Equal("dossier.claim.taken", Assert.Throws<BusinessRuleViolationException>(() => dossier.Claim("b", Now)).Rule.Code);
        Assert.Equal("dossier.release.not-assignee", Assert.Throws<BusinessRuleViolationException>(() => dossier.Release("b", Now)).Rule.Code);
        dossier.Release("a", Now);
        Assert.Null(dossier.AssignedTo);
    }

    [Fact]
    public void Only_a_dossier_in_process_takes_a_proposal()
    {
        var dossier = TestData.NewDossier();
        var error = Assert.Throws<BusinessRuleViolationException>(() => dossier.Propose("officer", Now, ProcessingOutcome.Approved, null));
        Assert.Equal("dossier.transition.not-allowed", error.Rule.Code);
        Assert.Null(dossier.ProposedOutcome);
    }

    [Fact]
    public void Statutory_steps_produce_their_national_forms()
    {
        var refused = TestData.NewDossier();
        refused.RefuseAtReception("officer", Now, "Không thuộc thẩm quyền");
        Assert.Equal(NationalForm.Refusal, refused.History[^1].Form);

        var dossier = InProcess();
        Assert.Equal(NationalForm.Receipt, dossier.History.Single(h => h.To == DossierStatus.Received).Form);
        dossier.RequestSupplement("officer", Now.AddHours(1), "Bổ sung bản sao");
        Assert.Equal(NationalForm.SupplementRequest, dossier.History[^1].Form);
        dossier.Stop("officer", Now.AddHours(2), "Công dân đề nghị dừng");
        Assert.Equal(NationalForm.StopNotice, dossier.History[^1].Form);
    }
}
