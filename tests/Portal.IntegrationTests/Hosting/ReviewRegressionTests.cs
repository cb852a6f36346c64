using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Infrastructure.Messaging.Outbox;
using Portal.Infrastructure.Persistence;
using Portal.IntegrationTests.Support;

namespace Portal.IntegrationTests.Hosting;

/// <summary>Defects found in review, each pinned by a test so it cannot come back.</summary>
public sealed class ReviewRegressionTests(KestrelPortalFactory factory) : IClassFixture<KestrelPortalFactory>
{
    [Fact]
    public async Task Concurrent_failed_sign_ins_for_one_account_never_leave_the_write_path_locked()
    {
        var attempts = Enumerable.Range(0, 12).Select(async _ =>
        {
            using var browser = factory.CreateBrowser();
            var page = await (await browser.Http.GetAsync("/dang-nhap")).Content.ReadAsStringAsync();
            return await browser.Http.PostAsync("/dang-nhap", new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["UserName"] = "supervisor", ["Password"] = "wrong-password", ["__RequestVerificationToken"] = PortalClient.AntiforgeryToken(page),
            }));
        });
        Assert.All(await Task.WhenAll(attempts), r => Assert.Equal(HttpStatusCode.BadRequest, r.StatusCode));

        // A deadlocked gate would hang this forever; the bound turns that into a failure.
        var code = await DossierFiler.FileAsync(factory.Services, "1.001193", "14758").WaitAsync(TimeSpan.FromSeconds(30));

        Assert.NotNull(await factory.QueryAsync(db => db.Dossiers.FirstOrDefaultAsync(d => d.Code == code)));
    }

    [Fact]
    public async Task An_idempotency_key_used_by_another_citizen_is_refused_and_reveals_nothing()
    {
        using var a = factory.CreateBrowser();
        using var b = factory.CreateBrowser();
        var tokenA = (await OidcClient.CodeFlowAsync(a, "038090000001")).AccessToken;
        var tokenB = (await OidcClient.CodeFlowAsync(b, "038195000002")).AccessToken;
        var key = Guid.NewGuid();
        var body = new { procedureCode = "1.004194", communeCode = "14758", idempotencyKey = key, fields = new Dictionary<string, string>
        {
            ["temporaryAddress"] = "Số 1", ["fromDate"] = "2026-12-01", ["toDate"] = "2027-01-01",
        } };
        var first = await OidcClient.PostJsonWithTokenAsync(a.Http, "/api/v1/dossiers", tokenA, body);
        var codeA = System.Text.Json.JsonDocument.Parse(await first.Content.ReadAsStringAsync()).RootElement.GetProperty("code").GetString()!;

        var bodyB = new { procedureCode = "1.001193", communeCode = "14797", idempotencyKey = key, fields = new Dictionary<string, string>
        {
            ["childFullName"] = "Bé", ["childDateOfBirth"] = "2026-11-20", ["childSex"] = "Nữ", ["placeOfBirth"] = "Thanh Hóa", ["motherFullName"] = "Lê Thị Bình",
        } };
        var reused = await OidcClient.PostJsonWithTokenAsync(b.Http, "/api/v1/dossiers", tokenB, bodyB);

        Assert.Equal(HttpStatusCode.Conflict, reused.StatusCode);
        Assert.DoesNotContain(codeA, await reused.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task An_outbox_row_that_cannot_be_read_is_set_aside_and_does_not_block_the_rows_behind_it()
    {
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
            db.OutboxMessages.Add(new OutboxMessage { MessageId = Guid.NewGuid(), MessageType = "Contracts.Renamed", Body = "{}", CreatedAt = DateTimeOffset.UtcNow });
            await db.SaveChangesAsync();
        }

        var code = (await DossierFiler.FileAsync(factory.Services, "1.001193", "14758")).Value;

        await Eventually.GetAsync(() => factory.QueryAsync(db => db.WorklistItems.FirstOrDefaultAsync(w => w.DossierCode == code)), "the dossier behind the bad row");
        var bad = await Eventually.GetAsync(
            () => factory.QueryAsync(db => db.OutboxMessages.FirstOrDefaultAsync(m => m.MessageType == "Contracts.Renamed" && m.Error != null)),
            "the bad row to be marked");
        Assert.Null(bad.SentAt);
        Assert.Contains("Unknown outbox message type", bad.Error);
    }

    [Fact]
    public async Task A_sign_out_link_from_elsewhere_asks_before_signing_out()
    {
        using var browser = factory.CreateBrowser();
        await browser.SignInAsync("038090000001");

        var page = await browser.Http.GetAsync("/connect/logout?post_logout_redirect_uri=http%3A%2F%2F127.0.0.1%2Fcallback");

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("action=\"/connect/logout\"", await page.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, (await browser.Http.GetAsync("/ho-so-cua-toi")).StatusCode);
    }

    [Fact]
    public async Task The_receipts_look_up_code_finds_the_dossier_without_the_citizen_ID()
    {
        using var browser = factory.CreateBrowser();
        var code = (await DossierFiler.FileAsync(factory.Services, "1.001193", "14758")).Value;
        var secret = await factory.QueryAsync(db => db.Dossiers.Where(d => d.Code == Portal.Domain.Dossiers.DossierCode.Parse(code)).Select(d => d.LookupSecret).SingleAsync());

        Assert.Equal(HttpStatusCode.OK, (await browser.Http.GetAsync($"/api/v1/lookup?code={code}&secret={secret.ToLowerInvariant()}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await browser.Http.GetAsync($"/api/v1/lookup?code={code}&secret=AAAAAAAA")).StatusCode);
    }
}
