using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Portal.Domain.Dossiers;
using Portal.Infrastructure.Persistence;
using Portal.Infrastructure.Statistics;
using Portal.IntegrationTests.Support;

namespace Portal.IntegrationTests.Browser;

/// <summary>
/// The supervisors' dashboard in Chromium over Kestrel, on seeded work: Hàm Rồng finishes one dossier
/// on time and one late (50 %: red), Hạc Thành two on time (100 %: green), every other commune has no
/// data; the heat map has a tile per commune, drill-down reaches the officers, the CSV opens, and the
/// command centre's API gives the same numbers.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed partial class SupervisorDashboardTests(BrowserFixture browsers, KestrelPortalFactory portal) : IClassFixture<KestrelPortalFactory>
{
    [Fact]
    public async Task The_dashboard_shows_the_heat_map_drills_down_exports_and_agrees_with_the_API()
    {
        await FinishAsync(PortalAppFactory.HamRong, late: false);
        await FinishAsync(PortalAppFactory.HamRong, late: true);
        await FinishAsync(PortalAppFactory.HacThanh, late: false);
        await FinishAsync(PortalAppFactory.HacThanh, late: false);
        await using (var scope = portal.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
            await Eventually.GetAsync(
                async () => await StatisticsRecount.CompareAsync(db, CancellationToken.None) is { Count: 0 } && await db.DossierStatistics.Where(s => s.ProcedureCode == StatisticKey.All).SumAsync(s => s.CompletedLate) == 1 ? (object)true : null,
                "the counters to catch up", TimeSpan.FromSeconds(60));
        }

        var communes = await portal.QueryAsync(db => db.Communes.CountAsync(c => c.SuccessorCode == null));
        await using var context = await browsers.NewContextAsync(portal.Address);
        var page = await context.NewPageAsync();
        await BrowserFixture.SignInAsync(page, "supervisor");

        await page.GotoAsync("/giam-sat");
        await Assertions.Expect(page.Locator("[data-testid=heatmap] .heat-tile")).ToHaveCountAsync(communes);
        Assert.Equal(166, communes);
        Assert.Equal("red", await page.GetAttributeAsync($"[data-commune='{PortalAppFactory.HamRong}']", "data-colour"));
        Assert.Equal("green", await page.GetAttributeAsync($"[data-commune='{PortalAppFactory.HacThanh}']", "data-colour"));
        Assert.Equal(communes - 2, await page.Locator("[data-testid=heatmap] [data-colour=none]").CountAsync());
        await Assertions.Expect(page.Locator("[data-testid=figures] [data-figure=completed]").First).ToContainTextAsync("4");
        await Assertions.Expect(page.Locator("[data-testid=throughput] svg")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("[data-testid=most-late]")).ToContainTextAsync("1.001193");
        await Assertions.Expect(page.Locator("[data-testid=procedures] [data-procedure='1.001193'] [data-figure=average-days]")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex(@"^\d+\.\d$"));
        var problems = new List<string>(await BrowserFixture.AccessibilityProblemsAsync(page));
        // Kept beside the test binaries; docs/supervisor-dashboard.png is a copy of one such run.
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(AppContext.BaseDirectory, "screens", "supervisor-dashboard.png"), FullPage = true });

        // Liveness: this browser is online, its visit counted and written.
        await portal.Services.GetRequiredService<Portal.Web.Features.Supervision.SiteActivityFlusher>().FlushAsync(CancellationToken.None);
        Assert.True(await portal.QueryAsync(db => db.SiteVisitDays.SumAsync(v => v.Visits)) >= 1);
        await page.ReloadAsync();
        Assert.True(int.Parse(await page.InnerTextAsync("[data-figure=online-now]"), System.Globalization.CultureInfo.InvariantCulture) >= 1);
        Assert.True(int.Parse(await page.InnerTextAsync("[data-figure=visits-today]"), System.Globalization.CultureInfo.InvariantCulture) >= 1);

        // Drill-down: province → commune → queue → officer.
        await page.ClickAsync($"[data-commune='{PortalAppFactory.HamRong}']");
        await Assertions.Expect(page.Locator("h1")).ToContainTextAsync("Hàm Rồng");
        await Assertions.Expect(page.Locator("[data-testid=scorecard] [data-score=timeliness]")).ToHaveTextAsync("10.0 / 20");
        await Assertions.Expect(page.Locator("[data-queue=CommuneCommittee] [data-testid=officers]")).ToBeVisibleAsync();
        problems.AddRange(await BrowserFixture.AccessibilityProblemsAsync(page));
        // The commune page's tables export too: its officers as CSV, all of them as Excel.
        var officersCsv = await page.RunAndWaitForDownloadAsync(() => page.ClickAsync("[data-testid=commune-export-officers]"));
        var officerLines = await File.ReadAllLinesAsync(await officersCsv.PathAsync());
        Assert.StartsWith("queue,officer,open,open_overdue", officerLines[0].TrimStart('\uFEFF'), StringComparison.Ordinal);
        Assert.All(officerLines.Skip(1), l => Assert.StartsWith($"worklist-{PortalAppFactory.HamRong}-", l, StringComparison.Ordinal));
        var communeBook = await page.RunAndWaitForDownloadAsync(() => page.ClickAsync("[data-testid=commune-export-xlsx]"));
        await using (var bookStream = File.OpenRead(await communeBook.PathAsync()))
        using (var book = new ClosedXML.Excel.XLWorkbook(bookStream))
        {
            var communeRows = book.Worksheet("Hàng đợi").RowsUsed().Skip(2).ToList(); // after the title and the header: Hàm Rồng's two queues only
            Assert.Equal(2, communeRows.Count);
            Assert.All(communeRows, r => Assert.Equal(PortalAppFactory.HamRong, r.Cell(1).GetString()));
        }

        // The printable report: every table open; on paper the form is gone and the tiles keep their colours.
        await page.GotoAsync("/giam-sat");
        await page.ClickAsync("[data-testid=print-link]");
        await Assertions.Expect(page.Locator("[data-testid=print-report]")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("[data-testid=heatmap-table]")).ToBeVisibleAsync();
        problems.AddRange(await BrowserFixture.AccessibilityProblemsAsync(page));
        await page.EmulateMediaAsync(new() { Media = Media.Print });
        await Assertions.Expect(page.Locator("[data-testid=heatmap-table]")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("form[action='/giam-sat']")).ToBeHiddenAsync();
        Assert.Equal("exact", await page.EvalOnSelectorAsync<string>(".heat-tile", "e => getComputedStyle(e).printColorAdjust"));
        await page.EmulateMediaAsync(new() { Media = Media.Screen });

        // The export downloads and reads back with the same numbers.
        await page.GotoAsync("/giam-sat");
        var download = await page.RunAndWaitForDownloadAsync(() => page.ClickAsync("[data-testid=export-csv]"));
        var lines = (await File.ReadAllLinesAsync(await download.PathAsync())).ToList();
        Assert.Equal(communes * 2 + 1, lines.Count);
        var hamRong = lines.Single(l => l.StartsWith($"{PortalAppFactory.HamRong},", StringComparison.Ordinal) && l.Contains(",committee,", StringComparison.Ordinal)).Split(',');
        // Columns: code, name, agency, online, direct, early, on time, late, rate: one in time (early or on time by the hour of the run), one late.
        Assert.Equal((1, "1", "50.0"), (int.Parse(hamRong[5], System.Globalization.CultureInfo.InvariantCulture) + int.Parse(hamRong[6], System.Globalization.CultureInfo.InvariantCulture), hamRong[7], hamRong[8]));
        // Every table in one workbook: it opens, and its numbers are the CSV's.
        var workbookFile = await page.RunAndWaitForDownloadAsync(() => page.ClickAsync("[data-testid=export-xlsx]"));
        Assert.EndsWith(".xlsx", workbookFile.SuggestedFilename, StringComparison.Ordinal);
        await using var workbookStream = File.OpenRead(await workbookFile.PathAsync());
        using (var workbook = new ClosedXML.Excel.XLWorkbook(workbookStream))
        {
            Assert.Equal(["Hàng đợi", "Xã, phường", "Theo ngày", "Theo thủ tục", "Tồn theo tuổi", "Dự báo trễ hạn"], workbook.Worksheets.Select(w => w.Name));
            var sheet = workbook.Worksheet("Hàng đợi");
            var excelRow = sheet.RowsUsed().Single(r => r.Cell(1).GetString() == PortalAppFactory.HamRong && r.Cell(3).GetString() == "committee");
            Assert.Equal((1, 50.0), (excelRow.Cell(8).GetValue<int>(), excelRow.Cell(9).GetValue<double>()));
        }

        var days = await (await page.APIRequest.GetAsync("/giam-sat/xuat.csv?table=days")).TextAsync();
        Assert.StartsWith("day,received,completed,completed_late", days.TrimStart('\uFEFF'), StringComparison.Ordinal);
        var byCommune = (await (await page.APIRequest.GetAsync("/giam-sat/xuat.csv?table=communes")).TextAsync()).TrimStart('\uFEFF').Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Assert.Equal(communes + 1, byCommune.Length);
        // Columns: code, name, received, completed, on-time rate, online share, satisfaction, open, overdue, colour, timeliness points (20 × 50 %), …
        var hamRongScores = byCommune.Single(l => l.StartsWith($"{PortalAppFactory.HamRong},", StringComparison.Ordinal)).Split(',');
        Assert.Equal(("50.0", "red", "10.0"), (hamRongScores[4], hamRongScores[9], hamRongScores[10]));
        Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems));

        // The command centre sees the same numbers.
        using var machine = portal.CreateBrowser();
        var token = (await OidcClient.ClientCredentialsAsync(machine.Http)).AccessToken;
        var stats = JsonDocument.Parse(await (await OidcClient.GetWithTokenAsync(machine.Http, "/api/v1/stats/communes", token)).Content.ReadAsStringAsync()).RootElement;
        var row = stats.GetProperty("communes").EnumerateArray().Single(r => r.GetProperty("communeCode").GetString() == PortalAppFactory.HamRong && r.GetProperty("agency").GetString() == "committee");
        Assert.Equal((1, 50.0, "red"), (row.GetProperty("completedLate").GetInt32(), row.GetProperty("onTimeRate").GetDouble(), row.GetProperty("colour").GetString()));
        // Per commune, the heat map's figures and the Decision 766 points, as in the dashboard's table and its CSV.
        Assert.Equal(communes, stats.GetProperty("scores").GetArrayLength());
        var score = stats.GetProperty("scores").EnumerateArray().Single(r => r.GetProperty("communeCode").GetString() == PortalAppFactory.HamRong);
        Assert.Equal((50.0, "red", 10.0, 82.0), (score.GetProperty("onTimeRate").GetDouble(), score.GetProperty("colour").GetString(),
            score.GetProperty("points").GetProperty("timeliness").GetDouble(), score.GetProperty("points").GetProperty("outOf").GetDouble()));
        Assert.Equal(hamRongScores[5] == "" ? JsonValueKind.Null : JsonValueKind.Number, score.GetProperty("onlineShare").ValueKind);

        // Only supervisors; a nonsense period is a clear 400.
        using var officer = portal.CreateBrowser();
        await officer.SignInAsync("committee.14758");
        var refused = await officer.Http.GetAsync("/giam-sat");
        Assert.True(refused.StatusCode == HttpStatusCode.Forbidden || refused.Headers.Location?.OriginalString.Contains("/khong-co-quyen", StringComparison.Ordinal) == true);
        using var supervisor = portal.CreateBrowser();
        await supervisor.SignInAsync("supervisor");
        var reversed = await supervisor.Http.GetAsync("/giam-sat?from=2026-12-01&to=2026-11-01");
        Assert.Equal(HttpStatusCode.BadRequest, reversed.StatusCode);
        Assert.Contains("Khoảng thời gian không hợp lệ", await reversed.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await supervisor.Http.GetAsync("/giam-sat/xa/99999")).StatusCode);
    }

    /// <summary>Files a birth registration in the commune's committee queue and carries it to a signed decision, on time or after its date.</summary>
    private async Task FinishAsync(string commune, bool late)
    {
        var code = (await DossierFiler.FileAsync(portal.Services, "1.001193", commune)).Value;
        await Eventually.GetAsync(() => portal.QueryAsync(db => db.WorklistItems.FirstOrDefaultAsync(w => w.DossierCode == code)), "the dossier in its worklist");
        using var officer = portal.CreateBrowser();
        await officer.SignInAsync($"committee.{commune}");
        using var leader = portal.CreateBrowser();
        await leader.SignInAsync($"committee-lead.{commune}");
        foreach (var step in new[] { "receive", "start", "propose" })
        {
            Assert.Equal(HttpStatusCode.Redirect, (await officer.PostFormAsync($"/can-bo/ho-so/{code}/{step}", [], "/dang-nhap")).StatusCode);
        }

        if (late)
        {
            await CaseworkTestData.MakeOverdueAsync(portal, code, TimeSpan.FromHours(1));
        }

        Assert.Equal(HttpStatusCode.Redirect, (await leader.PostFormAsync($"/can-bo/ho-so/{code}/approve", [], "/dang-nhap")).StatusCode);
        var dossier = await portal.QueryAsync(db => db.Dossiers.SingleAsync(d => d.Code == DossierCode.Parse(code)));
        Assert.Equal(late ? Timeliness.Late : Timeliness.OnTime, dossier.Timeliness == Timeliness.Early ? Timeliness.OnTime : dossier.Timeliness);
    }
}
