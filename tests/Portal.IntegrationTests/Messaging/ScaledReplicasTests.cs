using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using Portal.FaultInjection;
using Portal.IntegrationTests.Support;
using Xunit.Abstractions;

namespace Portal.IntegrationTests.Messaging;

/// <summary>
/// Scaled out on one machine (issue 11): two web and two processing processes of the real executable, one real
/// RabbitMQ (a virtual host of their own) and one shared database. Submissions are spread over both web
/// processes; every dossier is processed exactly once, both processing replicas do part of the work, the
/// statistics agree with the dossiers and the audit chain holds. A sign-in cookie, an antiforgery token and an
/// access token issued by one web replica are honoured by the other (Data Protection keys in the database).
/// </summary>
[Collection(RabbitCollection.Name)]
public sealed partial class ScaledReplicasTests(ITestOutputHelper output)
{
    private const int Dossiers = 200;

    [Fact]
    public async Task Two_web_and_two_processing_replicas_process_every_dossier_once_and_share_sign_in()
    {
        var data = Path.Combine(Path.GetTempPath(), "portal-replicas", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(data);
        var broker = new Broker();
        await broker.StartAsync();
        await broker.CreateVirtualHostAsync();
        var common = FaultHarness.Settings(data, broker);
        common["DataProtection__Store"] = "Database";
        var port1 = PortalProcess.FreePort();
        common["Oidc__Issuer"] = $"http://127.0.0.1:{port1}/"; // as the public address behind a load balancer would be
        Dictionary<string, string> Web() => new(common) { ["Portal__Role"] = "Web" }; // the role alone turns the consumers off
        Dictionary<string, string> Processing() => new(common) { ["Portal__Role"] = "Processing" };
        using var web1 = new PortalProcess("web 1", port1, Web());
        using var web2 = new PortalProcess("web 2", PortalProcess.FreePort(), Web());
        using var processingA = new PortalProcess("processing A", PortalProcess.FreePort(), Processing());
        using var processingB = new PortalProcess("processing B", PortalProcess.FreePort(), Processing());
        PortalProcess[] processes = [web1, web2, processingA, processingB];
        try
        {
            await web1.StartAsync(CancellationToken.None); // migrates and seeds
            await Task.WhenAll(web2.StartAsync(CancellationToken.None), processingA.StartAsync(CancellationToken.None), processingB.StartAsync(CancellationToken.None));
            var (uri1, uri2) = (new Uri($"http://127.0.0.1:{web1.Port}"), new Uri($"http://127.0.0.1:{web2.Port}"));

            await SignInOnOneAndActOnTheOtherAsync(uri1, uri2);

            // An access token from web 1's token endpoint is accepted by web 2's API.
            using var app1 = new CitizenApp(uri1, FaultHarness.Citizen, FaultHarness.Password);
            await app1.SignInAsync(CancellationToken.None);
            using var app2 = new CitizenApp(uri2, FaultHarness.Citizen, FaultHarness.Password, token: app1.AccessToken);
            CitizenApp[] apps = [app1, app2];

            var keys = Enumerable.Range(0, Dossiers).Select(_ => Guid.NewGuid()).ToArray();
            var codes = new string?[Dossiers];
            await Parallel.ForAsync(0, Dossiers, new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (i, ct) =>
            {
                var attempt = await apps[i % 2].SubmitAsync(keys[i], i % 4 < 2 ? "14758" : "14797", ct);
                codes[i] = attempt.Code ?? throw new InvalidOperationException($"submission {i} on web {(i % 2) + 1}: {attempt.Failure}");
            });

            // The same idempotency key sent to the other replica gets the same dossier back, not a second one.
            for (var i = 0; i < 20; i++)
            {
                var again = await apps[(i + 1) % 2].SubmitAsync(keys[i], i % 4 < 2 ? "14758" : "14797", CancellationToken.None);
                Assert.Equal(codes[i], again.Code);
            }

            var ledger = new Ledger(data);
            var stored = await DrainAsync(ledger, broker);
            Assert.Equal(Dossiers, stored.Count);
            Assert.Equal(codes.Order(), stored.Select(d => d.Code).Order());
            Assert.All(stored, d => Assert.Equal((1, 1, 1), (d.WorklistEntries, d.SubmittedEvents, d.RoutedEvents)));
            Assert.Equal(0, await ledger.ParkedMessagesAsync());
            Assert.Equal(Dossiers, await ledger.ScalarAsync("SELECT COUNT(*) FROM InboxMessages WHERE Consumer = 'worklist'"));
            Assert.True(await ledger.ScalarAsync("SELECT COUNT(*) FROM DataProtectionKeys") >= 1, "no Data Protection key in the database");
            // The statistics have a queue of their own, which the drain above does not wait for (the broker's
            // queue figures can lag by a few seconds): wait for the counts, then they must be exact.
            await Eventually.GetAsync(
                async () => await ledger.ScalarAsync("SELECT COALESCE(SUM(Submitted), 0) FROM CommuneDailyStatistics") >= Dossiers ? "counted" : null, "every submission counted", TimeSpan.FromSeconds(30));
            Assert.Equal(Dossiers, await ledger.ScalarAsync("SELECT SUM(Submitted) FROM CommuneDailyStatistics"));
            Assert.Equal(Dossiers, await ledger.ScalarAsync("SELECT SUM(ReceivedOnline) FROM DossierStatistics WHERE CommuneCode <> '*' AND ProcedureCode <> '*'"));

            // Each process counts what it did (its own /metrics): both web replicas took filings, both
            // processing replicas routed dossiers, and the counts add up to the dossiers.
            var submitted = await Task.WhenAll(new[] { web1, web2 }.Select(p => MetricAsync(p, "portal_dossiers_submitted_total")));
            var routed = await Task.WhenAll(new[] { processingA, processingB }.Select(p => MetricAsync(p, "portal_dossiers_routed_total")));
            output.WriteLine($"submitted per web replica: {string.Join(", ", submitted)}; routed per processing replica: {string.Join(", ", routed)}");
            Assert.Equal(Dossiers, submitted.Sum());
            Assert.All(submitted, n => Assert.True(n > 0));
            Assert.Equal(Dossiers, routed.Sum());
            Assert.All(routed, n => Assert.True(n > 0, "a processing replica routed nothing: the queues were not shared"));

            // The gauges read the shared database (every 10 s): all 200 dossiers open in the two communes' queues.
            await Eventually.GetAsync(
                async () => await MetricAsync(processingA, "portal_worklist_depth") == Dossiers ? "all" : null, "200 open dossiers in the depth gauge", TimeSpan.FromSeconds(30));
            // Processing replicas keep writing outbox rows (routed events) after the worklists are filled, so
            // the web replica's gauge reaches 0 on a later refresh, not necessarily on this one.
            await Eventually.GetAsync(
                async () => await MetricAsync(web1, "portal_outbox_pending") == 0 ? "empty" : null, "outbox pending gauge at 0", TimeSpan.FromSeconds(30));
            Assert.All(processes, p => Assert.Empty(p.UnexpectedExits));

            // Readiness with the broker away: web replicas stay ready (filings wait in the outbox); processing
            // replicas are not ready until it is back.
            await broker.StopAsync();
            try
            {
                await Eventually.GetAsync(
                    async () => await ReadinessAsync(processingA) is (HttpStatusCode.ServiceUnavailable, _) ? "unready" : null,
                    "processing A unready without the broker", TimeSpan.FromSeconds(60));
                var (status, _) = await ReadinessAsync(web1);
                Assert.Equal(HttpStatusCode.OK, status);
            }
            finally
            {
                await broker.StartAsync();
            }

            await Eventually.GetAsync(async () => await ReadinessAsync(processingA) is (HttpStatusCode.OK, _) ? "ready" : null, "processing A ready again", TimeSpan.FromSeconds(60));

            foreach (var process in processes)
            {
                await process.KillAsync();
            }

            foreach (var command in new[] { new[] { "audit", "verify" }, ["statistics", "verify"] })
            {
                var (name, passed, text) = await FaultHarness.CommandAsync(string.Join(' ', command), common, command);
                output.WriteLine(name);
                Assert.True(passed, text);
            }
        }
        finally
        {
            foreach (var process in processes)
            {
                process.Dispose();
            }

            await broker.DeleteVirtualHostAsync();
            Directory.Delete(data, recursive: true);
        }
    }

    /// <summary>Signs in on one replica; the other reads the cookie and accepts the first one's antiforgery token.</summary>
    private static async Task SignInOnOneAndActOnTheOtherAsync(Uri first, Uri second)
    {
        var cookies = new CookieContainer();
        using var browser = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, CookieContainer = cookies });
        var page = await browser.GetStringAsync(new Uri(first, "/dang-nhap"));
        var signIn = await browser.PostAsync(new Uri(first, "/dang-nhap"), new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["UserName"] = FaultHarness.Citizen, ["Password"] = FaultHarness.Password, ["__RequestVerificationToken"] = CitizenApp.AntiforgeryTokenOf(page),
        }));
        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);

        // Cookies are not bound to a port: the same container presents web 1's cookie to web 2.
        var mine = await browser.GetAsync(new Uri(second, "/ho-so-cua-toi"));
        Assert.Equal(HttpStatusCode.OK, mine.StatusCode);
        var form = await browser.GetStringAsync(new Uri(first, "/ho-so-cua-toi"));
        var signOut = await browser.PostAsync(new Uri(second, "/dang-xuat"), new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = CitizenApp.AntiforgeryTokenOf(form),
        }));
        Assert.Equal(HttpStatusCode.Redirect, signOut.StatusCode); // a 400 would mean web 2 could not read web 1's token
        var after = await browser.GetAsync(new Uri(first, "/ho-so-cua-toi"));
        Assert.Equal(HttpStatusCode.Redirect, after.StatusCode); // signed out on both
    }

    private static async Task<IReadOnlyList<StoredDossier>> DrainAsync(Ledger ledger, Broker broker)
    {
        var deadline = DateTime.UtcNow.AddMinutes(2);
        while (true)
        {
            var dossiers = await ledger.DossiersAsync();
            var (ready, unacknowledged) = await broker.DepthAsync();
            if ((dossiers.All(d => d.WorklistEntries > 0 && d.SubmittedEvents > 0 && d.RoutedEvents > 0)
                    && await ledger.UnsentOutboxMessagesAsync() == 0 && ready + unacknowledged == 0)
                || DateTime.UtcNow > deadline)
            {
                await Task.Delay(TimeSpan.FromSeconds(2)); // a late duplicate would show now
                return await ledger.DossiersAsync();
            }

            await Task.Delay(TimeSpan.FromMilliseconds(500));
        }
    }

    private static async Task<(HttpStatusCode, string)> ReadinessAsync(PortalProcess process)
    {
        using var client = new HttpClient();
        using var response = await client.GetAsync(new Uri($"http://127.0.0.1:{process.Port}/health/ready"));
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    private static async Task<long> MetricAsync(PortalProcess process, string name)
    {
        using var client = new HttpClient();
        var text = await client.GetStringAsync(new Uri($"http://127.0.0.1:{process.Port}/metrics"));
        return Sample(name).Matches(text).Sum(m => long.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture));
    }

    private static Regex Sample(string name) => new($"^{Regex.Escape(name)}(?:\\{{[^}}]*\\}})? (\\d+)", RegexOptions.Multiline);
}
