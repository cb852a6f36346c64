using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Domain.Dossiers;
using Portal.Infrastructure.Identity;
using Portal.IntegrationTests.Support;
using Portal.Web.Features.Casework;

namespace Portal.IntegrationTests.Casework;

/// <summary>
/// The workspace over real HTTP (Kestrel) and a real SQLite file: concurrency, who may act where, the
/// leader's delegation, leave-aware automatic assignment, and the daily digest.
/// </summary>
public sealed partial class CaseworkTests(KestrelPortalFactory portal) : IClassFixture<KestrelPortalFactory>
{
    [Fact]
    public async Task Two_officers_acting_on_one_dossier_at_once_one_succeeds_and_the_other_is_told_of_the_conflict()
    {
        var code = await FileAsync();
        using var first = await SignedInAsync("committee.14758");
        using var second = await SignedInAsync("committee2.14758");
        var version = await VersionAsync(code);

        // Both drew their form from the same version of the dossier.
        var responses = await Task.WhenAll(
            first.PostFormAsync($"/can-bo/ho-so/{code}/receive", new() { ["version"] = version }, $"/can-bo/ho-so/{code}"),
            second.PostFormAsync($"/can-bo/ho-so/{code}/refuse", new() { ["version"] = version, ["reason"] = "Không thuộc thẩm quyền" }, $"/can-bo/ho-so/{code}"));

        var statuses = responses.Select(r => r.StatusCode).OrderBy(s => s).ToList();
        Assert.Equal([HttpStatusCode.Redirect, HttpStatusCode.Conflict], statuses);
        var conflict = await responses.Single(r => r.StatusCode == HttpStatusCode.Conflict).Content.ReadAsStringAsync();
        Assert.Contains("vừa được người khác cập nhật", conflict, StringComparison.Ordinal);
        var dossier = await portal.QueryAsync(db => db.Dossiers.Include(d => d.History).SingleAsync(d => d.Code == DossierCode.Parse(code)));
        Assert.Contains(dossier.Status, new[] { DossierStatus.Received, DossierStatus.RefusedAtReception });
        Assert.Single(dossier.History, h => h.From == DossierStatus.New);
    }

    [Fact]
    public async Task Only_a_leader_signs_other_agencies_and_communes_see_nothing_and_bad_input_changes_nothing()
    {
        var code = await FileAsync();
        using var officer = await SignedInAsync("committee.14758");
        await ActAsync(officer, code, "receive");
        await ActAsync(officer, code, "start");
        await ActAsync(officer, code, "propose");

        AssertRefused(await Post(officer, code, "approve"));
        foreach (var outsider in new[] { "police-lead.14758", "police.14758", "committee.14797", "committee-lead.14797" })
        {
            using var browser = await SignedInAsync(outsider);
            Assert.Equal(HttpStatusCode.NotFound, (await browser.Http.GetAsync($"/can-bo/ho-so/{code}")).StatusCode);
            foreach (var step in CaseworkController.Steps)
            {
                Assert.Equal(HttpStatusCode.NotFound, (await Post(browser, code, step, new() { ["reason"] = "x", ["assignee"] = "committee.14758" })).StatusCode);
            }
        }

        // Bad input: an unknown step, an assignee from elsewhere, an impossible date, no reason: a clear 4xx, nothing written.
        var before = await VersionAsync(code);
        Assert.Equal(HttpStatusCode.NotFound, (await Post(officer, code, "teleport")).StatusCode);
        using var leader = await SignedInAsync("committee-lead.14758");
        var refusals = new[]
        {
            await Post(leader, code, "assign", new() { ["assignee"] = "police.14758" }),
            await Post(leader, code, "apologise", new() { ["newDate"] = "31/02/2026", ["reason"] = "Lý do" }),
            await Post(leader, code, "apologise", new() { ["newDate"] = "2026-01-01", ["reason"] = "Lý do" }),
            await Post(leader, code, "sendback", new() { ["reason"] = " " }),
            await Post(leader, code, "reject"),
        };
        Assert.All(refusals, r => Assert.Equal(HttpStatusCode.Conflict, r.StatusCode));
        Assert.Contains("Người được phân công không thuộc hàng đợi này.", await refusals[0].Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Contains("Ngày hẹn mới phải là một ngày làm việc", await refusals[1].Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(before, await VersionAsync(code));

        await ActAsync(leader, code, "approve");
        Assert.Equal(DossierStatus.Processed, (await portal.QueryAsync(db => db.Dossiers.SingleAsync(d => d.Code == DossierCode.Parse(code)))).Status);
    }

    [Fact]
    public async Task The_committee_cannot_see_or_act_on_a_police_dossier()
    {
        var residence = await FileAsync("1.004222", PortalAppFactory.HamRong); // permanent residence: commune police
        foreach (var outsider in new[] { "committee.14758", "committee-lead.14758", "police.14797" })
        {
            using var browser = await SignedInAsync(outsider);
            Assert.Equal(HttpStatusCode.NotFound, (await browser.Http.GetAsync($"/can-bo/ho-so/{residence}")).StatusCode);
            foreach (var step in CaseworkController.Steps)
            {
                Assert.Equal(HttpStatusCode.NotFound, (await Post(browser, residence, step, new() { ["reason"] = "x" })).StatusCode);
            }
        }

        using var police = await SignedInAsync("police.14758");
        await ActAsync(police, residence, "receive");
        Assert.Equal(DossierStatus.Received, (await portal.QueryAsync(db => db.Dossiers.SingleAsync(d => d.Code == DossierCode.Parse(residence)))).Status);
    }

    [Fact]
    public async Task A_leader_delegates_signing_while_away_and_revokes_it()
    {
        var code = await FileAsync();
        using var officer = await SignedInAsync("committee.14758");
        using var deputy = await SignedInAsync("committee2.14758");
        await ActAsync(officer, code, "receive");
        await ActAsync(officer, code, "start");
        await ActAsync(officer, code, "propose");
        AssertRefused(await Post(deputy, code, "approve"));

        using var leader = await SignedInAsync("committee-lead.14758");
        var today = DateOnly.FromDateTime(Portal.Domain.Calendar.VietnamTime.ToLocal(DateTimeOffset.UtcNow).DateTime);
        var invalid = await leader.PostFormAsync("/can-bo/lich-truc/uy-quyen", new()
        {
            ["queue"] = "worklist-14758-committee", ["officer"] = "committee2.14758", ["from"] = today.AddDays(3).ToString("yyyy-MM-dd"), ["to"] = today.ToString("yyyy-MM-dd"), ["reason"] = "Đi công tác",
        }, "/can-bo/lich-truc");
        Assert.Contains("Khoảng thời gian không hợp lệ", await (await leader.FollowAsync(invalid)).Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(0, await portal.QueryAsync(db => db.LeaderDelegations.CountAsync(d => d.DelegateUserName == "committee2.14758" && d.RevokedAt == null)));

        var saved = await leader.PostFormAsync("/can-bo/lich-truc/uy-quyen", new()
        {
            ["queue"] = "worklist-14758-committee", ["officer"] = "committee2.14758", ["from"] = today.ToString("yyyy-MM-dd"), ["to"] = today.AddDays(2).ToString("yyyy-MM-dd"), ["reason"] = "Đi công tác",
        }, "/can-bo/lich-truc");
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);

        await ActAsync(deputy, code, "approve");
        var dossier = await portal.QueryAsync(db => db.Dossiers.Include(d => d.History).SingleAsync(d => d.Code == DossierCode.Parse(code)));
        Assert.Equal(DossierStatus.Processed, dossier.Status);
        Assert.Equal("committee2.14758", dossier.History[^1].Actor);

        var delegation = await portal.QueryAsync(db => db.LeaderDelegations.SingleAsync(d => d.DelegateUserName == "committee2.14758" && d.RevokedAt == null));
        Assert.Equal(HttpStatusCode.Redirect, (await leader.PostFormAsync($"/can-bo/lich-truc/uy-quyen/{delegation.Id}/thu-hoi", [], "/can-bo/lich-truc")).StatusCode);
        var other = await FileAsync();
        await ActAsync(officer, other, "receive");
        await ActAsync(officer, other, "start");
        await ActAsync(officer, other, "propose");
        AssertRefused(await Post(deputy, other, "approve"));
        AssertRefused(await officer.Http.GetAsync("/can-bo/lich-truc"));

        // Four eyes: a leader who proposes does not sign their own proposal.
        using var leaderProposes = await SignedInAsync("committee-lead.14758");
        var own = await FileAsync();
        await ActAsync(leaderProposes, own, "receive");
        await ActAsync(leaderProposes, own, "start");
        await ActAsync(leaderProposes, own, "propose");
        var selfSigned = await Post(leaderProposes, own, "approve");
        Assert.Equal(HttpStatusCode.Conflict, selfSigned.StatusCode);
        Assert.Contains("không thể tự ký duyệt", await selfSigned.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Automatic_assignment_spreads_work_by_load_and_passes_over_officers_on_leave()
    {
        using var leader = await SignedInAsync("committee-lead.14758");
        var today = DateOnly.FromDateTime(Portal.Domain.Calendar.VietnamTime.ToLocal(DateTimeOffset.UtcNow).DateTime);
        var leave = await leader.PostFormAsync("/can-bo/lich-truc/nghi", new()
        {
            ["queue"] = "worklist-14758-committee", ["officer"] = "committee.14758", ["from"] = today.ToString("dd/MM/yyyy"), ["to"] = today.ToString("dd/MM/yyyy"), ["reason"] = "Nghỉ phép",
        }, "/can-bo/lich-truc");
        Assert.Equal(HttpStatusCode.Redirect, leave.StatusCode);

        var codes = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            codes.Add(await FileAsync());
        }

        var assign = await leader.PostFormAsync("/can-bo/hang-doi/phan-cong-tu-dong", new() { ["queue"] = "worklist-14758-committee" }, "/can-bo/hang-doi");
        Assert.Equal(HttpStatusCode.Redirect, assign.StatusCode);
        var assignees = await portal.QueryAsync(db => db.WorklistItems.Where(w => codes.Contains(w.DossierCode)).Select(w => w.AssignedTo).ToListAsync());
        Assert.Equal(3, assignees.Count);
        Assert.All(assignees, a => Assert.Equal("committee2.14758", a));
        var history = await portal.QueryAsync(db => db.Dossiers.Include(d => d.History).SingleAsync(d => d.Code == DossierCode.Parse(codes[0])));
        Assert.Equal((CaseworkController.SystemActor, true), (history.History[^1].Actor, history.History[^1].IsInternal));

        // A plain officer cannot spread the queue's work.
        using var officer = await SignedInAsync("committee2.14758");
        AssertRefused(await officer.PostFormAsync("/can-bo/hang-doi/phan-cong-tu-dong", new() { ["queue"] = "worklist-14758-committee" }, "/can-bo/hang-doi"));
    }

    [Fact]
    public async Task The_daily_digest_lists_each_officers_late_and_nearly_due_dossiers_once_a_day()
    {
        await using (var scope = portal.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();
            var user = (await users.FindByNameAsync("police2.14797"))!;
            user.Email = "police2.14797@example.vn";
            await users.UpdateAsync(user);
        }

        var late = await FileAsync("1.004222", PortalAppFactory.HacThanh);
        using var officer = await SignedInAsync("police2.14797");
        await ActAsync(officer, late, "claim");
        var thursdayMorning = new DateTimeOffset(2026, 11, 26, 1, 0, 0, TimeSpan.Zero); // 08:00 in Hanoi
        // Overdue as the digest's morning sees it (not as today does: the test must not depend on the day it runs).
        await CaseworkTestData.SetDueAsync(portal, late, thursdayMorning.AddDays(-1));

        var digests = portal.Services.GetRequiredService<DailyDigestService>();
        Assert.Equal(0, await digests.SendDueDigestsAsync(thursdayMorning.AddHours(-1), CancellationToken.None)); // 07:00: not yet
        Assert.True(await digests.SendDueDigestsAsync(thursdayMorning, CancellationToken.None) > 0);
        Assert.Equal(0, await digests.SendDueDigestsAsync(thursdayMorning.AddHours(1), CancellationToken.None)); // once a day
        Assert.Equal(0, await digests.SendDueDigestsAsync(new DateTimeOffset(2026, 11, 28, 2, 0, 0, TimeSpan.Zero), CancellationToken.None)); // Saturday

        var digest = await portal.QueryAsync(db => db.StaffDigests.SingleAsync(d => d.UserName == "police2.14797" && d.Day == new DateOnly(2026, 11, 26)));
        Assert.True(digest.Emailed);
        Assert.True(digest.Overdue >= 1);
        var mail = Directory.EnumerateFiles(Path.Combine(portal.DataDirectory, "mail")).Select(File.ReadAllText).Single(m => m.Contains("police2.14797@example.vn", StringComparison.Ordinal));
        Assert.Contains(late, mail, StringComparison.Ordinal);

        var page = await (await officer.GetAsync("/can-bo/tom-tat")).Content.ReadAsStringAsync();
        Assert.Contains(late, page, StringComparison.Ordinal);
        Assert.Matches(OverdueCount(), page);
    }

    private async Task<string> FileAsync(string procedure = "1.001193", string commune = PortalAppFactory.HamRong)
    {
        var code = (await DossierFiler.FileAsync(portal.Services, procedure, commune)).Value;
        await Eventually.GetAsync(() => portal.QueryAsync(db => db.WorklistItems.FirstOrDefaultAsync(w => w.DossierCode == code)), "the dossier in its worklist");
        return code;
    }

    private async Task<BrowserClient> SignedInAsync(string userName)
    {
        var browser = portal.CreateBrowser();
        await browser.SignInAsync(userName);
        return browser;
    }

    private async Task<string> VersionAsync(string code) =>
        (await portal.QueryAsync(db => db.Dossiers.Where(d => d.Code == DossierCode.Parse(code)).Select(d => d.Version).SingleAsync())).ToString(System.Globalization.CultureInfo.InvariantCulture);

    private static Task<HttpResponseMessage> Post(BrowserClient browser, string code, string step, Dictionary<string, string>? fields = null) =>
        browser.PostFormAsync($"/can-bo/ho-so/{code}/{step}", fields ?? [], "/dang-nhap");

    private static async Task ActAsync(BrowserClient browser, string code, string step)
    {
        var response = await Post(browser, code, step);
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"{step} on {code}: {(int)response.StatusCode}");
    }

    /// <summary>Forbidden: the cookie scheme sends the browser to the "no permission" page.</summary>
    private static void AssertRefused(HttpResponseMessage response) =>
        Assert.True(
            response.StatusCode == HttpStatusCode.Forbidden
            || (response.StatusCode == HttpStatusCode.Redirect && response.Headers.Location!.OriginalString.Contains("/khong-co-quyen", StringComparison.Ordinal)),
            $"expected a refusal, got {(int)response.StatusCode} {response.Headers.Location}");

    [GeneratedRegex("data-count=\"overdue\">[1-9]")]
    private static partial Regex OverdueCount();
}
