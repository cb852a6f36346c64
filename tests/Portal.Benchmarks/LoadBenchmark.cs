using System.Diagnostics;
using System.Globalization;
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;
using Portal.FaultInjection;

namespace Portal.Benchmarks;

/// <summary>
/// The load tool (issue 10): the portal as a separate process (the Release build, embedded default or RabbitMQ),
/// N registered citizens signed in through the OpenID Connect server, <c>POST /api/v1/dossiers</c> driven at a fixed
/// rate (open loop: requests leave on schedule whatever the answers do) and at maximum (closed loop: C clients, each
/// sending as soon as it has its answer). Throughput and latency from timestamps: the client's send time and the
/// worklist entry's <c>EnqueuedAt</c> (same machine, same clock). In the same run, the <b>floor</b>: a bare Kestrel
/// endpoint in this process doing one serialised SQLite insert per POST (WAL, synchronous=NORMAL), driven by the
/// same client code. Also the portal's peak memory (RSS) under load and its start-to-ready time on an existing
/// database.
/// </summary>
public static class LoadBenchmark
{
    private static readonly string[] Communes = ["14758", "14797"];

    public static async Task<int> RunAsync(string transport, int rate, int seconds, int citizens, int concurrency, int warmUpSeconds, IEnumerable<string> overrides)
    {
        var duration = TimeSpan.FromSeconds(seconds);
        var data = Path.Combine(Path.GetTempPath(), "portal-load", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(data);
        Broker? broker = null;
        var settings = new Dictionary<string, string>
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Development",
            ["Logging__LogLevel__Default"] = "Warning",
            ["Database__DataDirectory"] = data,
            ["Database__SeedDemoAccounts"] = "true",
            ["Messaging__Transport"] = transport,
            ["RateLimits__ApiPerMinute"] = "100000000",
            ["RateLimits__SignInPerMinute"] = "100000",
            ["RateLimits__RegistrationPerMinute"] = "100000",
            ["Oidc__AccessTokenLifetime"] = "02:00:00",
            ["Messaging__Communes__0"] = Communes[0],
            ["Messaging__Communes__1"] = Communes[1],
        };
        foreach (var setting in overrides)
        {
            // Extra settings for the portal process, as Key=Value (e.g. Messaging__ProcessDossiers=false to measure the API alone).
            var at = setting.IndexOf('=', StringComparison.Ordinal);
            settings[setting[..at]] = setting[(at + 1)..];
        }

        if (transport == "RabbitMq")
        {
            broker = new Broker();
            await broker.StartAsync();
            await broker.CreateVirtualHostAsync();
            settings["Messaging__RabbitMq__Host"] = "127.0.0.1";
            settings["Messaging__RabbitMq__Port"] = Broker.Port.ToString(CultureInfo.InvariantCulture);
            settings["Messaging__RabbitMq__VirtualHost"] = broker.VirtualHost;
        }

        Console.WriteLine($"transport={transport} rate={rate}/s seconds={seconds} citizens={citizens} concurrency={concurrency} warm-up={warmUpSeconds} s cores={Environment.ProcessorCount}");
        using var portal = new PortalProcess("portal", PortalProcess.FreePort(), settings);
        try
        {
            var watch = Stopwatch.StartNew();
            await portal.StartAsync(CancellationToken.None);
            Console.WriteLine($"first start (create, migrate, seed) to ready: {watch.Elapsed.TotalSeconds:N1} s");
            await portal.KillAsync();
            watch.Restart();
            await portal.StartAsync(CancellationToken.None);
            Console.WriteLine($"start to ready on the existing database: {watch.Elapsed.TotalSeconds:N2} s");

            var web = new Uri($"http://127.0.0.1:{portal.Port}");
            var apps = await RegisterAsync(web, citizens);
            Console.WriteLine($"{apps.Count} citizens registered and signed in");
            var ledger = Path.Combine(data, "portal.db");
            var pipeline = new Ledger(data);
            // Warm-up, not counted; waited for until its dossiers are in their worklists, so no backlog spills into the runs.
            // Long enough for the JIT's tiers (and dynamic PGO) to settle, or the first phase measures the compiler.
            var warmUp = TimeSpan.FromSeconds(warmUpSeconds);
            await ReportAsync(ledger, await DriveClosedAsync(apps, 16, warmUp), warmUp);
            await QuietAsync(pipeline);

            using var memory = new MemorySampler(portal.ProcessId!.Value);
            var fixedRate = await DriveOpenAsync(apps, rate, duration);
            var fixedReport = await ReportAsync(ledger, fixedRate, duration);
            Console.WriteLine($"portal, fixed rate {rate}/s: {fixedReport}; peak RSS {memory.TakePeakMegabytes():N0} MB");
            await QuietAsync(pipeline);
            var max = await DriveClosedAsync(apps, concurrency, duration);
            var maxReport = await ReportAsync(ledger, max, duration);
            Console.WriteLine($"portal, maximum ({concurrency} clients): {maxReport}; peak RSS {memory.TakePeakMegabytes():N0} MB");
            await QuietAsync(pipeline);

            // The stack's own ceiling: the same authenticated POST with an unknown commune, which the portal refuses (400)
            // after everything a filing does before the write path (token, user, procedure, communes, validation) and
            // before any write; 15 s is enough for a rate.
            var refusedFor = TimeSpan.FromSeconds(Math.Min(15, seconds));
            var refused = await DriveClosedAsync(apps, concurrency, refusedFor, UnknownCommune);
            Console.WriteLine($"portal, refused before the write path (unknown commune), maximum ({concurrency} clients, {refusedFor.TotalSeconds:N0} s): {Refusals(refused, refusedFor)}");

            var (floorFixed, floorMax) = await FloorAsync(rate, duration, concurrency);
            Console.WriteLine($"floor, fixed rate {rate}/s: {floorFixed}");
            Console.WriteLine($"floor, maximum ({concurrency} clients): {floorMax}");
            Console.WriteLine($"portal / floor at maximum: {maxReport.Acknowledged / duration.TotalSeconds / (floorMax.Acknowledged / duration.TotalSeconds):P1}");
            foreach (var app in apps)
            {
                app.Dispose();
            }
        }
        finally
        {
            portal.Dispose();
            if (broker is not null)
            {
                await broker.DeleteVirtualHostAsync();
            }

            Directory.Delete(data, recursive: true);
        }

        return 0;
    }

    /// <summary>One submission as the client saw it.</summary>
    private sealed record Sample(DateTime Sent, DateTime Answered, string? Code, string? Failure);

    /// <summary>What a run achieved, from timestamps.</summary>
    private sealed record RunReport(int Sent, int Acknowledged, int Failed, double AnswerP50, double AnswerP99, int InWorklist, double WorklistPerSecond, double ToWorklistP50, double ToWorklistP99, double ToWorklistMax)
    {
        public override string ToString() =>
            string.Create(CultureInfo.InvariantCulture, $"{Sent} sent, {Acknowledged} acknowledged ({Acknowledged / (double)Math.Max(1, Sent):P1}), {Failed} failed; answer p50 {AnswerP50:N1} ms, p99 {AnswerP99:N1} ms") +
            (InWorklist == 0 ? "" : string.Create(CultureInfo.InvariantCulture, $"; {InWorklist} in worklists, {WorklistPerSecond:N0}/s end to end; submit→worklist p50 {ToWorklistP50:N1} ms, p99 {ToWorklistP99:N1} ms, max {ToWorklistMax:N1} ms"));
    }

    private static async Task<List<CitizenApp>> RegisterAsync(Uri web, int count)
    {
        var apps = new List<CitizenApp>();
        for (var i = 0; i < count; i++)
        {
            var id = "038301" + (500_000 + i).ToString("D6", CultureInfo.InvariantCulture); // female, born 2001, Thanh Hoa
            using var browser = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, CookieContainer = new CookieContainer() }) { BaseAddress = web };
            var page = await (await browser.GetAsync("/dang-ky")).Content.ReadAsStringAsync();
            var response = await browser.PostAsync("/dang-ky", new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["CitizenId"] = id, ["FullName"] = $"Công Dân Thử {i}", ["DateOfBirth"] = "2001-04-30", ["Sex"] = "Female",
                ["PhoneNumber"] = "+8491" + (2_000_000 + i).ToString("D7", CultureInfo.InvariantCulture), ["ResidenceCommuneCode"] = Communes[i % 2],
                ["ResidenceAddress"] = $"Số {i + 1} phố Hàm Rồng", ["Password"] = "Load@20252025", ["ConfirmPassword"] = "Load@20252025", ["Consent"] = "true",
                ["__RequestVerificationToken"] = CitizenApp.AntiforgeryTokenOf(page),
            }));
            if (response.StatusCode != HttpStatusCode.Redirect)
            {
                throw new InvalidOperationException($"registering {id} failed: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
            }

            var app = new CitizenApp(web, id, "Load@20252025");
            await app.SignInAsync(CancellationToken.None);
            apps.Add(app);
        }

        return apps;
    }

    /// <summary>Open loop: request i leaves at i / rate seconds, whatever happened to the ones before it.</summary>
    private static async Task<Sample[]> DriveOpenAsync(IReadOnlyList<CitizenApp> apps, int rate, TimeSpan duration)
    {
        var sends = new List<Task<Sample>>();
        var watch = Stopwatch.StartNew();
        while (watch.Elapsed < duration)
        {
            var due = (long)(watch.Elapsed.TotalSeconds * rate);
            while (sends.Count <= due)
            {
                sends.Add(SendAsync(apps[sends.Count % apps.Count], sends.Count));
            }

            await Task.Delay(1);
        }

        return await Task.WhenAll(sends);
    }

    /// <summary>Closed loop: <paramref name="clients"/> clients, each sending again as soon as it has its answer.</summary>
    private static async Task<Sample[]> DriveClosedAsync(IReadOnlyList<CitizenApp> apps, int clients, TimeSpan duration, string? commune = null)
    {
        var watch = Stopwatch.StartNew();
        var results = await Task.WhenAll(Enumerable.Range(0, clients).Select(async client =>
        {
            var samples = new List<Sample>();
            for (var n = 0; watch.Elapsed < duration; n++)
            {
                samples.Add(await SendAsync(apps[client % apps.Count], (client * 1_000_000) + n, commune));
            }

            return samples;
        }));
        return [.. results.SelectMany(r => r)];
    }

    private static async Task<Sample> SendAsync(CitizenApp app, int n, string? commune = null)
    {
        await Task.Yield();
        var sent = DateTime.UtcNow;
        var attempt = await app.SubmitAsync(Guid.NewGuid(), commune ?? Communes[n % 2], CancellationToken.None);
        return new Sample(sent, DateTime.UtcNow, attempt.Code, attempt.Failure);
    }

    /// <summary>Not a commune of the province: the filing's validation refuses it with a 400 before anything is written.</summary>
    private const string UnknownCommune = "99999";

    /// <summary>Refused filings per second and their answer times; anything but the expected 400 is counted apart.</summary>
    private static string Refusals(Sample[] samples, TimeSpan duration)
    {
        var refused = samples.Where(s => s.Code is null && s.Failure?.StartsWith("400", StringComparison.Ordinal) == true)
            .Select(s => (s.Answered - s.Sent).TotalMilliseconds).Order().ToList();
        return string.Create(
            CultureInfo.InvariantCulture,
            $"{samples.Length} sent, {refused.Count} refused with 400 ({refused.Count / duration.TotalSeconds:N0}/s), {samples.Length - refused.Count} otherwise; answer p50 {Percentile(refused, 0.5):N1} ms, p99 {Percentile(refused, 0.99):N1} ms");
    }

    /// <summary>Answer times from the client; worklist times from the database once every acknowledged dossier is in a worklist (or 2 minutes).</summary>
    private static async Task<RunReport> ReportAsync(string? ledger, Sample[] samples, TimeSpan duration)
    {
        var acknowledged = samples.Where(s => s.Code is not null).ToList();
        var answers = samples.Select(s => (s.Answered - s.Sent).TotalMilliseconds).Order().ToList();
        var failures = samples.Where(s => s.Code is null).GroupBy(s => s.Failure).Select(g => $"{g.Count()} × {g.Key}").ToList();
        if (failures.Count > 0)
        {
            Console.WriteLine("  failures: " + string.Join("; ", failures.Take(5)));
        }

        if (ledger is null || acknowledged.Count == 0)
        {
            return new RunReport(samples.Length, acknowledged.Count, samples.Length - acknowledged.Count, Percentile(answers, 0.50), Percentile(answers, 0.99), 0, 0, 0, 0, 0);
        }

        var codes = acknowledged.ToDictionary(s => s.Code!, s => s.Sent);
        var enqueued = new Dictionary<string, DateTime>();
        var deadline = DateTime.UtcNow.AddMinutes(2);
        var idle = 0;
        while (enqueued.Count < codes.Count && DateTime.UtcNow < deadline && idle < 20)
        {
            await Task.Delay(500);
            var before = enqueued.Count;
            enqueued = await EnqueuedAsync(ledger, codes);
            idle = enqueued.Count == before ? idle + 1 : 0; // nothing new for 10 s: nobody is routing (an API-only run)
        }

        var toWorklist = enqueued.Select(e => (e.Value - codes[e.Key]).TotalMilliseconds).Order().ToList();
        var first = acknowledged.Min(s => s.Sent);
        var last = enqueued.Values.DefaultIfEmpty(first).Max();
        return new RunReport(
            samples.Length, acknowledged.Count, samples.Length - acknowledged.Count, Percentile(answers, 0.50), Percentile(answers, 0.99),
            enqueued.Count, enqueued.Count / Math.Max(duration.TotalSeconds, (last - first).TotalSeconds),
            Percentile(toWorklist, 0.50), Percentile(toWorklist, 0.99), toWorklist.Count == 0 ? 0 : toWorklist[^1]);
    }

    /// <summary>
    /// Waits (up to 3 minutes) until the pipeline behind the worklists is idle too: nothing left in the outbox and the
    /// audit trail and the consumers' inbox no longer growing for a second, so one phase's statistics and audit lines
    /// do not compete with the next phase's filings.
    /// </summary>
    private static async Task QuietAsync(Ledger ledger)
    {
        var watch = Stopwatch.StartNew();
        var (last, steady) = ((-1L, -1L), 0);
        while (steady < 4 && watch.Elapsed < TimeSpan.FromMinutes(3))
        {
            await Task.Delay(250);
            var now = (await ledger.ScalarAsync("SELECT COUNT(*) FROM InboxMessages"), await ledger.ScalarAsync("SELECT COUNT(*) FROM DossierEvents"));
            steady = await ledger.UnsentOutboxMessagesAsync() == 0 && now == last ? steady + 1 : 0;
            last = now;
        }

        Console.WriteLine($"  pipeline idle after {watch.Elapsed.TotalSeconds:N1} s");
    }

    private static async Task<Dictionary<string, DateTime>> EnqueuedAsync(string ledger, Dictionary<string, DateTime> codes)
    {
        await using var connection = new SqliteConnection($"Data Source={ledger};Mode=ReadOnly;Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT DossierCode, EnqueuedAt FROM WorklistItems";
        var found = new Dictionary<string, DateTime>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            var code = reader.GetString(0);
            if (codes.ContainsKey(code))
            {
                found[code] = DateTime.Parse(reader.GetString(1), CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal);
            }
        }

        return found;
    }

    /// <summary>The floor: the same client against a bare Kestrel endpoint doing one serialised SQLite insert per POST.</summary>
    private static async Task<(RunReport Fixed, RunReport Max)> FloorAsync(int rate, TimeSpan duration, int concurrency)
    {
        var folder = Path.Combine(Path.GetTempPath(), "portal-load", "floor-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        var port = PortalProcess.FreePort();
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls($"http://127.0.0.1:{port}");
        builder.Logging.ClearProviders();
        await using var app = builder.Build();
        await using var connection = new SqliteConnection($"Data Source={Path.Combine(folder, "floor.db")}");
        await connection.OpenAsync();
        await using (var setup = connection.CreateCommand())
        {
            setup.CommandText = "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; CREATE TABLE Submissions (Id TEXT PRIMARY KEY, Body TEXT NOT NULL, At TEXT NOT NULL);";
            await setup.ExecuteNonQueryAsync();
        }

        using var gate = new SemaphoreSlim(1, 1);
        app.MapPost("/floor", async (HttpRequest request) =>
        {
            using var reader = new StreamReader(request.Body);
            var body = await reader.ReadToEndAsync();
            var id = Guid.NewGuid().ToString("N");
            await gate.WaitAsync();
            try
            {
                await using var insert = connection.CreateCommand();
                insert.CommandText = "INSERT INTO Submissions (Id, Body, At) VALUES ($id, $body, $at)";
                insert.Parameters.AddWithValue("$id", id);
                insert.Parameters.AddWithValue("$body", body);
                insert.Parameters.AddWithValue("$at", DateTime.UtcNow.ToString("O", CultureInfo.InvariantCulture));
                await insert.ExecuteNonQueryAsync();
            }
            finally
            {
                gate.Release();
            }

            return Results.Text($"{{\"code\":\"{id}\"}}", "application/json", statusCode: StatusCodes.Status201Created);
        });
        await app.StartAsync();
        try
        {
            var apps = Enumerable.Range(0, 4).Select(_ => new CitizenApp(new Uri($"http://127.0.0.1:{port}"), "floor", "floor", "/floor", token: "floor")).ToList();
            await DriveClosedAsync(apps, 16, TimeSpan.FromSeconds(3));
            var fixedRate = await ReportAsync(null, await DriveOpenAsync(apps, rate, duration), duration);
            var max = await ReportAsync(null, await DriveClosedAsync(apps, concurrency, duration), duration);
            foreach (var client in apps)
            {
                client.Dispose();
            }

            return (fixedRate, max);
        }
        finally
        {
            await app.StopAsync();
            SqliteConnection.ClearAllPools();
            Directory.Delete(folder, recursive: true);
        }
    }

    private static double Percentile(List<double> sorted, double p) => sorted.Count == 0 ? 0 : sorted[(int)Math.Min(sorted.Count - 1, Math.Ceiling(p * sorted.Count) - 1)];

    /// <summary>The peak resident set size of a process, sampled every 100 ms from /proc.</summary>
    private sealed class MemorySampler : IDisposable
    {
        private readonly Timer _timer;
        private long _peakKilobytes;

        public MemorySampler(int processId) => _timer = new Timer(_ => Sample(processId), null, 0, 100);

        public double TakePeakMegabytes() => Interlocked.Exchange(ref _peakKilobytes, 0) / 1024.0;

        private void Sample(int processId)
        {
            try
            {
                var line = File.ReadLines($"/proc/{processId}/status").FirstOrDefault(l => l.StartsWith("VmRSS:", StringComparison.Ordinal));
                if (line is not null && long.TryParse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture, out var kilobytes))
                {
                    long current;
                    while (kilobytes > (current = Interlocked.Read(ref _peakKilobytes)) && Interlocked.CompareExchange(ref _peakKilobytes, kilobytes, current) != current)
                    {
                    }
                }
            }
            catch (IOException)
            {
            }
        }

        public void Dispose() => _timer.Dispose();
    }
}
