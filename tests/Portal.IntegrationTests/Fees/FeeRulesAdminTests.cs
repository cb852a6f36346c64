using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Portal.Domain.Catalogue;
using Portal.Domain.Fees;
using Portal.Infrastructure.Fees;
using Portal.Web.Features.FeeRules;
using Portal.IntegrationTests.Support;

namespace Portal.IntegrationTests.Fees;

/// <summary>Administrators change fee rules without a release; history stays as it was. Each test class gets its own portal.</summary>
public sealed partial class FeeRulesAdminTests(KestrelPortalFactory factory) : IClassFixture<KestrelPortalFactory>
{
    private const string Resolution12 = "6a0c1d2e-0001-4c4e-9a51-122025000001";

    [Fact]
    public async Task A_rule_with_dates_out_of_order_no_legal_basis_an_empty_scope_or_a_bad_percentage_is_refused_with_messages()
    {
        using var admin = await AdminAsync();
        var before = await factory.QueryAsync(db => db.FeeRules.CountAsync());

        var response = await admin.PostFormAsync("/quan-tri/quy-tac-phi/moi", new()
        {
            ["Name"] = "Quy tắc lỗi", ["DocumentNumber"] = "", ["TitleVi"] = "", ["IssuedOn"] = "2026-01-01",
            ["EffectiveFrom"] = "2026-12-31", ["EffectiveTo"] = "2026-01-01", ["EffectKind"] = "WaivePercent", ["Percent"] = "150", ["action"] = "save",
        }, "/quan-tri/quy-tac-phi/moi");
        var page = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("Vui lòng nhập số hiệu văn bản làm căn cứ.", page);
        Assert.Contains("Ngày hết hiệu lực phải sau ngày có hiệu lực.", page);
        Assert.Contains("Tỷ lệ miễn phải từ 0 đến 100%.", page);
        Assert.Contains("Phạm vi áp dụng không được để trống", page);
        Assert.Equal(before, await factory.QueryAsync(db => db.FeeRules.CountAsync()));
    }

    [Fact]
    public async Task The_preview_shows_exactly_what_saving_then_produces_and_the_change_is_audited()
    {
        using var admin = await AdminAsync();
        var draft = new Dictionary<string, string>
        {
            ["Name"] = "Giảm 50% chứng thực chữ ký tại quầy (thử)", ["DocumentNumber"] = "99/2026/NQ-HĐND", ["TitleVi"] = "Nghị quyết thử",
            ["IssuedOn"] = "2026-11-01", ["EffectiveFrom"] = "2026-01-01", ["Channels"] = "Direct", ["ProcedureCodes"] = "2.000884",
            ["EffectKind"] = "WaivePercent", ["Percent"] = "50",
        };

        var preview = await (await admin.PostFormAsync("/quan-tri/quy-tac-phi/moi", new(draft) { ["action"] = "preview" }, "/quan-tri/quy-tac-phi/moi")).Content.ReadAsStringAsync();
        var predicted = PreviewRow().Matches(preview).ToDictionary(m => (m.Groups[1].Value, m.Groups[2].Value), m => long.Parse(m.Groups[3].Value));
        Assert.Equal(5_000, predicted[("2.000884", "Direct")]);
        Assert.Single(predicted);
        Assert.Equal(0, await factory.QueryAsync(db => db.FeeRules.CountAsync(r => r.Name == draft["Name"])));

        var saved = await admin.PostFormAsync("/quan-tri/quy-tac-phi/moi", new(draft) { ["action"] = "save" }, "/quan-tri/quy-tac-phi/moi");
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);

        foreach (var ((code, channel), total) in predicted)
        {
            var assessed = await admin.Http.PostAsync("/api/v1/fees/assessments", OidcClient.JsonContent(new { procedureCode = code, channel = channel.ToLowerInvariant() }));
            Assert.Equal(total, JsonDocument.Parse(await assessed.Content.ReadAsStringAsync()).RootElement.GetProperty("totalVnd").GetInt64());
        }

        var rule = await factory.QueryAsync(db => db.FeeRules.SingleAsync(r => r.Name == draft["Name"]));
        var audit = await factory.QueryAsync(db => db.FeeRuleChanges.SingleAsync(c => c.RuleId == rule.Id));
        Assert.Equal(FeeRuleChangeKind.Created, audit.Kind);
        Assert.Equal("admin", audit.Actor);
        Assert.Contains("99/2026/NQ-HĐND", audit.After);
    }

    [Fact]
    public async Task The_replay_of_the_last_30_days_predicts_what_those_dossiers_pay_under_the_saved_rule()
    {
        // Three marital-status certificates filed at the counter (15,000 ₫ each) and one online filing, all today.
        for (var i = 0; i < 3; i++)
        {
            await DossierFiler.FileAsync(factory.Services, "1.004873", "14758", channel: FilingChannel.Direct);
        }

        await DossierFiler.FileAsync(factory.Services, "1.004222", "14758");
        using var admin = await AdminAsync();
        var draft = new Dictionary<string, string>
        {
            ["Name"] = "Giảm 3.000 ₫ xác nhận tình trạng hôn nhân tại quầy (thử)", ["DocumentNumber"] = "98/2026/NQ-HĐND", ["TitleVi"] = "Nghị quyết thử",
            ["IssuedOn"] = "2026-11-01", ["EffectiveFrom"] = "2025-01-01", ["Channels"] = "Direct", ["ProcedureCodes"] = "1.004873",
            ["EffectKind"] = "ReduceAmount", ["AmountVnd"] = "3000",
        };

        var preview = await (await admin.PostFormAsync("/quan-tri/quy-tac-phi/moi", new(draft) { ["action"] = "preview" }, "/quan-tri/quy-tac-phi/moi")).Content.ReadAsStringAsync();
        var replay = Replay().Match(preview);
        Assert.True(replay.Success, "no replay in the preview");
        var (dossiers, changed, current, predicted) = (int.Parse(replay.Groups[1].Value), int.Parse(replay.Groups[2].Value), long.Parse(replay.Groups[3].Value), long.Parse(replay.Groups[4].Value));
        Assert.True(dossiers >= 4, $"{dossiers} dossiers replayed");
        Assert.Equal(3, changed);
        Assert.Equal(current - 9_000, predicted);

        Assert.Equal(HttpStatusCode.Redirect, (await admin.PostFormAsync("/quan-tri/quy-tac-phi/moi", new(draft) { ["action"] = "save" }, "/quan-tri/quy-tac-phi/moi")).StatusCode);

        // What those dossiers pay when assessed again under the rules as saved: the preview's figure.
        var rules = await factory.QueryAsync(db => db.FeeRules.ToListAsync());
        var procedures = (await factory.QueryAsync(db => db.Procedures.ToListAsync())).ToDictionary(p => p.Code);
        var since = DateTimeOffset.UtcNow.AddDays(-FeeRuleImpact.ReplayDays);
        var recent = await factory.QueryAsync(db => db.Dossiers.Where(d => d.FiledAt >= since).Select(d => new { d.ProcedureCode, d.Fee, d.FormData }).ToListAsync());
        Assert.Equal(dossiers, recent.Count);
        var underSaved = recent.Sum(d => FeeAssessor.Assess(
            procedures[d.ProcedureCode], new FeeContext(d.Fee.Channel, d.Fee.AssessedOn, (d.Fee.ApplicantCategories ?? []).ToHashSet(), d.FormData), rules).TotalVnd);
        Assert.Equal(predicted, underSaved);
    }

    [Fact]
    public async Task Retiring_the_online_waiver_changes_new_assessments_but_never_a_frozen_one()
    {
        var code = await DossierFiler.FileAsync(factory.Services, "1.004222", "14758");
        using var admin = await AdminAsync();

        var edited = await admin.PostFormAsync($"/quan-tri/quy-tac-phi/{Resolution12}", await FormOfAsync(admin, Resolution12, ("Percent", "40"), ("action", "save")), $"/quan-tri/quy-tac-phi/{Resolution12}");
        Assert.True(edited.StatusCode == HttpStatusCode.Redirect, await edited.Content.ReadAsStringAsync());
        var now = await admin.Http.PostAsync("/api/v1/fees/assessments", OidcClient.JsonContent(new { procedureCode = "1.004222", channel = "online" }));
        Assert.Equal(6_000, JsonDocument.Parse(await now.Content.ReadAsStringAsync()).RootElement.GetProperty("totalVnd").GetInt64());

        // A retirement asked from a page drawn before the change above is refused with a message, and changes nothing.
        var stale = await admin.PostFormAsync($"/quan-tri/quy-tac-phi/{Resolution12}/ngung", new() { ["version"] = "0" }, "/quan-tri/quy-tac-phi");
        Assert.Equal(HttpStatusCode.Redirect, stale.StatusCode);
        Assert.Contains("Quy tắc vừa được người khác sửa.", System.Net.WebUtility.HtmlDecode(await (await admin.Http.GetAsync("/quan-tri/quy-tac-phi")).Content.ReadAsStringAsync()));
        Assert.Null((await factory.QueryAsync(db => db.FeeRules.SingleAsync(r => r.Id == Guid.Parse(Resolution12)))).RetiredOn);

        var retired = await admin.PostFormAsync($"/quan-tri/quy-tac-phi/{Resolution12}/ngung", new(), "/quan-tri/quy-tac-phi");
        Assert.Equal(HttpStatusCode.Redirect, retired.StatusCode);
        var retiredOn = (await factory.QueryAsync(db => db.FeeRules.SingleAsync(r => r.Id == Guid.Parse(Resolution12)))).RetiredOn;
        Assert.NotNull(retiredOn);
        await admin.PostFormAsync($"/quan-tri/quy-tac-phi/{Resolution12}/ngung", new(), "/quan-tri/quy-tac-phi"); // again: refused, the date stays
        Assert.Contains("Quy tắc này đã ngừng áp dụng.", System.Net.WebUtility.HtmlDecode(await (await admin.Http.GetAsync("/quan-tri/quy-tac-phi")).Content.ReadAsStringAsync()));
        var later = await admin.Http.PostAsync("/api/v1/fees/assessments", OidcClient.JsonContent(new { procedureCode = "1.004222", channel = "online" }));
        Assert.Equal(10_000, JsonDocument.Parse(await later.Content.ReadAsStringAsync()).RootElement.GetProperty("totalVnd").GetInt64());

        var frozen = await factory.QueryAsync(db => db.Dossiers.SingleAsync(d => d.Code == code));
        Assert.Equal(0, frozen.Fee.TotalVnd);
        Assert.Equal("12/2025/NQ-HĐND", Assert.Single(frozen.Fee.AppliedRules).LegalBasis.DocumentNumber);
        var changes = await factory.QueryAsync(db => db.FeeRuleChanges.Where(c => c.RuleId == Guid.Parse(Resolution12)).OrderBy(c => c.Id).ToListAsync());
        Assert.Equal([FeeRuleChangeKind.Updated, FeeRuleChangeKind.Retired], changes.Select(c => c.Kind)); // the refused attempts left no trace
        Assert.Contains("\"percent\":100", changes[0].Before);
        Assert.Contains("\"percent\":40", changes[0].After);
        var history = System.Net.WebUtility.HtmlDecode(await (await admin.Http.GetAsync($"/quan-tri/quy-tac-phi/{Resolution12}/lich-su")).Content.ReadAsStringAsync());
        Assert.Contains("Đã ngừng áp dụng quy tắc", history);
        Assert.Contains("Đã sửa quy tắc", history);
        Assert.Contains("admin", history);

        var editedAgain = await admin.PostFormAsync($"/quan-tri/quy-tac-phi/{Resolution12}", await FormOfAsync(admin, Resolution12, ("Version", "1"), ("action", "save")), $"/quan-tri/quy-tac-phi/{Resolution12}");
        Assert.Equal(HttpStatusCode.BadRequest, editedAgain.StatusCode);
        Assert.Contains("Quy tắc vừa được người khác sửa.", await editedAgain.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Only_administrators_reach_the_rules()
    {
        using var officer = factory.CreateBrowser();
        await officer.SignInAsync("committee.14758");

        Assert.StartsWith("/khong-co-quyen", (await officer.Http.GetAsync("/quan-tri/quy-tac-phi")).Headers.Location!.PathAndQuery);
    }

    private async Task<BrowserClient> AdminAsync()
    {
        var admin = factory.CreateBrowser();
        await admin.SignInAsync("admin");
        return admin;
    }

    /// <summary>The edit form's current values (as the browser would post them back), with some changed.</summary>
    private static async Task<Dictionary<string, string>> FormOfAsync(BrowserClient browser, string id, params (string Key, string Value)[] changes)
    {
        var page = await (await browser.Http.GetAsync($"/quan-tri/quy-tac-phi/{id}")).Content.ReadAsStringAsync();
        var form = InputValue().Matches(page).ToDictionary(m => m.Groups[1].Value, m => System.Net.WebUtility.HtmlDecode(m.Groups[2].Value));
        foreach (var select in SelectedOption().Matches(page))
        {
            form[((Match)select).Groups[1].Value] = ((Match)select).Groups[2].Value;
        }

        form.Remove("__RequestVerificationToken");
        foreach (var (key, value) in changes)
        {
            form[key] = value;
        }

        return form;
    }

    [GeneratedRegex("data-testid=\"replay\" data-dossiers=\"([0-9]+)\" data-changed=\"([0-9]+)\" data-current=\"([0-9]+)\" data-draft=\"([0-9]+)\"")]
    private static partial Regex Replay();

    [GeneratedRegex("data-procedure=\"([^\"]+)\" data-channel=\"([^\"]+)\" data-after=\"([0-9]+)\"")]
    private static partial Regex PreviewRow();

    [GeneratedRegex("<input [^>]*name=\"([A-Za-z]+)\"[^>]*value=\"([^\"]*)\"")]
    private static partial Regex InputValue();

    [GeneratedRegex("<select id=\"[^\"]*\" name=\"([A-Za-z]+)\"[^>]*>(?:(?!</select>).)*?<option value=\"([^\"]+)\" selected=\"selected\"", RegexOptions.Singleline)]
    private static partial Regex SelectedOption();
}
