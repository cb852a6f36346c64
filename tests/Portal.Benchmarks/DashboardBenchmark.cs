using System.Diagnostics;
using System.Net;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Portal.Infrastructure.Persistence;
using Portal.Infrastructure.Seeding;
using Portal.Infrastructure.Statistics;

namespace Portal.Benchmarks;

/// <summary>
/// Large data and the supervisors' pages. <c>seed</c>: N realistic dossiers spread over the 166
/// communes, every procedure and the last two years (batched SQL, progress shown; 98% finished, early /
/// on time / late 10/70/20, 80% online; the open ones in their worklists), then the counters rebuilt from
/// them by the same recount the <c>statistics rebuild</c> command uses. <c>dashboard</c>: the same seed,
/// then the portal as its own process and a supervisor asking for the dashboard (30 days), a two-year
/// dashboard and a commune page, one request after another.
/// </summary>
public static class DashboardBenchmark
{
    public static async Task<int> RunAsync(int count, int requests, bool measure)
    {
        var watch = Stopwatch.StartNew();
        var data = Environment.GetEnvironmentVariable("PORTAL_BENCH_DATA") is { Length: > 0 } existing ? existing : await SeedAsync(count);
        Console.WriteLine($"seeded {count:N0} dossiers and rebuilt the counters in {watch.Elapsed.TotalSeconds:N0} s; data folder {data}");
        if (!measure)
        {
            return 0;
        }

        var port = WorklistBenchmark.FreePort();
        using var portal = WorklistBenchmark.StartPortal(data, port);
        try
        {
            using var http = new HttpClient(new HttpClientHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = false })
            {
                BaseAddress = new Uri($"http://127.0.0.1:{port}"),
            };
            await WorklistBenchmark.WaitUntilUpAsync(http);
            await WorklistBenchmark.SignInAsync(http, "supervisor");
            var today = DateOnly.FromDateTime(DateTime.UtcNow);
            Console.WriteLine($"dossiers={count:N0} requests={requests} per page, cores={Environment.ProcessorCount}");
            foreach (var (name, url) in new[]
            {
                ("dashboard, 30 days", "/giam-sat"),
                ("dashboard, 2 years", $"/giam-sat?from={today.AddDays(-729):yyyy-MM-dd}&to={today:yyyy-MM-dd}"),
                ("commune page, 30 days", "/giam-sat/xa/14758"),
                ("stats API page equivalent (CSV)", "/giam-sat/xuat.csv"),
            }.Where(page => Environment.GetEnvironmentVariable("PORTAL_BENCH_ONLY") is not { Length: > 0 } only || page.Item1.Contains(only, StringComparison.Ordinal)))
            {
                var (p50, p95, p99) = await WorklistBenchmark.MeasureAsync(http, url, requests);
                Console.WriteLine($"{name,-32} p50 {p50,7:N1} ms  p95 {p95,7:N1} ms  p99 {p99,7:N1} ms");
            }

            if (Environment.GetEnvironmentVariable("PORTAL_BENCH_SQL") == "1")
            {
                Console.WriteLine(WorklistBenchmark.LastOutput());
            }
        }
        finally
        {
            portal.Kill(entireProcessTree: true);
            await portal.WaitForExitAsync();
        }

        return 0;
    }

    private static async Task<string> SeedAsync(int count)
    {
        using var host = PipelineBenchmark.Host("InMemory", processDossiers: false, out var data, new Dictionary<string, string?> { ["Database:SeedDemoAccounts"] = "true" });
        await DatabaseInitializer.InitializeAsync(host.Services);
        await WorklistBenchmark.FileTemplateAsync(host.Services);

        await using (var connection = new SqliteConnection($"Data Source={Path.Combine(data, "portal.db")}"))
        {
            await connection.OpenAsync();
            await using (var pragma = connection.CreateCommand())
            {
                pragma.CommandText = "PRAGMA synchronous=OFF; PRAGMA cache_size=-200000;";
                await pragma.ExecuteNonQueryAsync();
            }

            var columns = await WorklistBenchmark.ColumnsAsync(connection, "Dossiers");
            var watch = Stopwatch.StartNew();
            const int batch = 20_000;
            for (var start = 0; start < count; start += batch)
            {
                var size = Math.Min(batch, count - start);
                await using var transaction = await connection.BeginTransactionAsync();
                var command = connection.CreateCommand();
                command.Transaction = (SqliteTransaction)transaction;
                command.Parameters.AddWithValue("$start", start);
                command.Parameters.AddWithValue("$size", size);
                // i % 730: days ago (two years); open (in process) only when filed in the last 7 days.
                const string filed = "strftime('%Y-%m-%d %H:%M:%S', 'now', printf('-%d minutes', (n.i % 730) * 1440 + (n.i % 600)))";
                const string open = "(n.i % 730) < 7";
                var select = string.Join(", ", columns.Select(col => col switch
                {
                    "Id" => "printf('%08X-0000-4000-9000-%012X', n.i, n.i)",
                    "Code" => "printf('%s-000000-%010d', c.code, n.i)",
                    "CommuneCode" => "c.code",
                    "ProcedureCode" => "p.code",
                    "Agency" => "p.agency",
                    "ClientRequestId" => "NULL",
                    "Channel" => "CASE WHEN n.i % 5 = 0 THEN 1 ELSE 2 END",
                    "FiledAt" => filed,
                    "ReceivedAt" => filed,
                    "DueAt" or "AppointmentAt" => $"strftime('%Y-%m-%d %H:%M:%S', {filed}, '+3 days')",
                    "Status" => $"CASE WHEN {open} THEN 4 ELSE 10 END",
                    "Outcome" => $"CASE WHEN {open} THEN NULL WHEN n.i % 17 = 0 THEN 2 ELSE 1 END",
                    "Timeliness" => $"CASE WHEN {open} THEN NULL WHEN n.i % 10 = 0 THEN 1 WHEN n.i % 10 < 3 THEN 3 ELSE 2 END",
                    "CompletedAt" => $"CASE WHEN {open} THEN NULL WHEN n.i % 10 BETWEEN 1 AND 2 THEN strftime('%Y-%m-%d %H:%M:%S', {filed}, '+4 days') ELSE strftime('%Y-%m-%d %H:%M:%S', {filed}, '+1 days') END",
                    "SupplementRequestedAt" => "NULL",
                    "AssignedTo" => "NULL",
                    "ProposedOutcome" or "ProposalReason" or "ProposedBy" => "NULL",
                    _ => $"t.\"{col}\"",
                }));
                command.CommandText = $"""
                    WITH RECURSIVE n(i) AS (SELECT $start + 1 UNION ALL SELECT i + 1 FROM n WHERE i < $start + $size),
                    c(idx, code) AS (SELECT row_number() OVER (ORDER BY "Code") - 1, "Code" FROM "Communes" WHERE "SuccessorCode" IS NULL),
                    p(idx, code, agency) AS (SELECT row_number() OVER (ORDER BY "Code") - 1, "Code", "Agency" FROM "Procedures")
                    INSERT INTO "Dossiers" ({string.Join(", ", columns.Select(col => $"\"{col}\""))})
                    SELECT {select} FROM n
                    JOIN c ON c.idx = n.i % (SELECT count(*) FROM c)
                    JOIN p ON p.idx = (n.i / 166) % (SELECT count(*) FROM p)
                    CROSS JOIN (SELECT * FROM "Dossiers" LIMIT 1) AS t;
                    INSERT INTO "WorklistItems" ("DossierId", "QueueName", "CommuneCode", "Agency", "DossierCode", "ProcedureCode", "ApplicantName", "FiledAt",
                        "DueAt", "AppointmentAt", "EnqueuedAt", "Status", "AssignedTo", "AwaitingSignature", "SearchKey")
                    SELECT d."Id", 'worklist-' || d."CommuneCode" || CASE d."Agency" WHEN 1 THEN '-police' ELSE '-committee' END, d."CommuneCode", d."Agency", d."Code",
                        d."ProcedureCode", d."ApplicantName", d."FiledAt", d."DueAt", d."AppointmentAt", d."FiledAt", d."Status", NULL, 0, lower(d."Code")
                    FROM "Dossiers" d WHERE d."Status" = 4 AND d."Id" BETWEEN printf('%08X-0000-4000-9000-%012X', $start + 1, $start + 1) AND printf('%08X-0000-4000-9000-%012X', $start + $size, $start + $size);
                    """;
                await command.ExecuteNonQueryAsync();
                await transaction.CommitAsync();
                var done = start + size;
                Console.Write($"\rseeding dossiers: [{new string('#', 30 * done / count),-30}] {done:N0}/{count:N0} ({done / watch.Elapsed.TotalSeconds:N0}/s)   ");
            }

            Console.WriteLine();
        }

        var rebuild = Stopwatch.StartNew();
        await using (var scope = host.Services.CreateAsyncScope())
        {
            var rows = await StatisticsRecount.RebuildAsync(scope.ServiceProvider.GetRequiredService<UnitOfWork>(), CancellationToken.None);
            Console.WriteLine($"counters rebuilt from the dossiers: {rows:N0} rows in {rebuild.Elapsed.TotalSeconds:N0} s");
        }

        await using (var connection = new SqliteConnection($"Data Source={Path.Combine(data, "portal.db")}"))
        {
            await connection.OpenAsync();
            await using var analyze = connection.CreateCommand();
            analyze.CommandText = "ANALYZE; PRAGMA wal_checkpoint(TRUNCATE);";
            await analyze.ExecuteNonQueryAsync();
        }

        return data;
    }
}
