using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text.RegularExpressions;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Domain.AdministrativeUnits;
using Portal.Domain.Catalogue;
using Portal.Domain.Dossiers;
using Portal.Domain.People;
using Portal.Infrastructure.Persistence;
using Portal.Infrastructure.Seeding;
using Portal.Web.Features.Filing;

namespace Portal.Benchmarks;

/// <summary>
/// The officer's worklist with N open dossiers in one queue, measured over real HTTP: (1) the database
/// is created and seeded, one dossier is filed through the real use case and cloned N times in batched
/// SQL (dossiers and worklist rows, due dates spread from 5 days late to 25 days ahead, a third assigned
/// to the measured officer); (2) the portal runs as its own process (Release build, Kestrel, embedded
/// default); (3) one signed-in officer asks for pages one after another and the client times each.
/// </summary>
public static partial class WorklistBenchmark
{
    private const string Queue = "worklist-14758-committee";

    public static async Task<int> RunAsync(int count, int requests)
    {
        var data = await SeedAsync(count);
        var port = FreePort();
        using var portal = StartPortal(data, port);
        try
        {
            using var http = new HttpClient(new HttpClientHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = false })
            {
                BaseAddress = new Uri($"http://127.0.0.1:{port}"),
            };
            await WaitUntilUpAsync(http);
            await SignInAsync(http, "committee.14758");

            var first = await (await http.GetAsync($"/can-bo/hang-doi?queue={Queue}")).Content.ReadAsStringAsync();
            var next = NextLink().Match(first);
            Console.WriteLine($"dossiers={count} requests={requests} per page, cores={Environment.ProcessorCount}");
            Console.WriteLine($"worklist total shown: {TotalShown().Match(first).Groups[1].Value}");
            foreach (var (name, url) in new[]
            {
                ("first page (all, counts)", $"/can-bo/hang-doi?queue={Queue}"),
                ("first page (mine)", $"/can-bo/hang-doi?queue={Queue}&tab=mine"),
                ("first page (late)", $"/can-bo/hang-doi?queue={Queue}&tab=late"),
                ("next page (keyset)", WebUtility.HtmlDecode(next.Groups[1].Value)),
                ("search (name + code digits)", $"/can-bo/hang-doi?queue={Queue}&q=nguyen+an+04217"),
                ("filter (due within 2 days)", $"/can-bo/hang-doi?queue={Queue}&dueWithin=2"),
            })
            {
                var (p50, p95, p99) = await MeasureAsync(http, url, requests);
                Console.WriteLine($"{name,-30} p50 {p50,6:N1} ms  p95 {p95,6:N1} ms  p99 {p99,6:N1} ms");
            }
        }
        finally
        {
            portal.Kill(entireProcessTree: true);
            await portal.WaitForExitAsync();
        }

        return 0;
    }

    internal static async Task<(double P50, double P95, double P99)> MeasureAsync(HttpClient http, string url, int requests)
    {
        for (var i = 0; i < 20; i++)
        {
            (await http.GetAsync(url)).EnsureSuccessStatusCode();
        }

        var times = new List<double>(requests);
        for (var i = 0; i < requests; i++)
        {
            var watch = Stopwatch.StartNew();
            using var response = await http.GetAsync(url);
            await response.Content.ReadAsByteArrayAsync();
            response.EnsureSuccessStatusCode();
            times.Add(watch.Elapsed.TotalMilliseconds);
        }

        times.Sort();
        return (PipelineBenchmark.Percentile(times, 0.50), PipelineBenchmark.Percentile(times, 0.95), PipelineBenchmark.Percentile(times, 0.99));
    }

    /// <summary>Creates the database, files one dossier through the real use case and clones it into <paramref name="count"/> open dossiers of one queue.</summary>
    private static async Task<string> SeedAsync(int count)
    {
        using var host = PipelineBenchmark.Host("InMemory", processDossiers: false, out var data, new Dictionary<string, string?> { ["Database:SeedDemoAccounts"] = "true" });
        await DatabaseInitializer.InitializeAsync(host.Services);
        await FileTemplateAsync(host.Services);

        var file = Path.Combine(data, "portal.db");
        await using var connection = new SqliteConnection($"Data Source={file}");
        await connection.OpenAsync();
        var columns = await ColumnsAsync(connection, "Dossiers");
        var watch = Stopwatch.StartNew();
        const int batch = 10_000;
        for (var start = 0; start < count; start += batch)
        {
            var size = Math.Min(batch, count - start);
            await using var transaction = await connection.BeginTransactionAsync();
            var command = connection.CreateCommand();
            command.Transaction = (SqliteTransaction)transaction;
            command.Parameters.AddWithValue("$start", start);
            command.Parameters.AddWithValue("$size", size);
            var select = string.Join(", ", columns.Select(c => c switch
            {
                "Id" => "printf('%08X-0000-4000-8000-%012X', n.i, n.i)",
                "Code" => "printf('14758-261120-%06d', n.i)",
                "ClientRequestId" => "NULL",
                "DueAt" or "AppointmentAt" => "strftime('%Y-%m-%d %H:%M:%S', 'now', printf('%+d minutes', (n.i % 43200) - 7200))",
                "Status" => "CASE n.i % 4 WHEN 0 THEN 1 WHEN 1 THEN 2 ELSE 4 END",
                "ApplicantName" => "CASE n.i % 3 WHEN 0 THEN 'Nguyễn Văn An' WHEN 1 THEN 'Lê Thị Bình' ELSE 'Trần Minh Châu' END",
                "AssignedTo" => "CASE n.i % 3 WHEN 0 THEN 'committee.14758' WHEN 1 THEN 'committee2.14758' ELSE NULL END",
                _ => $"t.\"{c}\"",
            }));
            command.CommandText = $"""
                WITH RECURSIVE n(i) AS (SELECT $start + 1 UNION ALL SELECT i + 1 FROM n WHERE i < $start + $size)
                INSERT INTO "Dossiers" ({string.Join(", ", columns.Select(c => $"\"{c}\""))})
                SELECT {select} FROM n, (SELECT * FROM "Dossiers" LIMIT 1) AS t;
                INSERT INTO "WorklistItems" ("DossierId", "QueueName", "CommuneCode", "Agency", "DossierCode", "ProcedureCode", "ApplicantName", "FiledAt",
                    "DueAt", "AppointmentAt", "EnqueuedAt", "Status", "AssignedTo", "AwaitingSignature", "SearchKey")
                SELECT d."Id", '{Queue}', d."CommuneCode", d."Agency", d."Code", d."ProcedureCode", d."ApplicantName", d."FiledAt",
                    d."DueAt", d."AppointmentAt", d."FiledAt", d."Status", d."AssignedTo", 0,
                    lower(d."Code" || ' ' || CASE d."ApplicantName" WHEN 'Nguyễn Văn An' THEN 'nguyen van an' WHEN 'Lê Thị Bình' THEN 'le thi binh' ELSE 'tran minh chau' END || ' ' || d."ApplicantCitizenId")
                FROM "Dossiers" d WHERE d."Code" BETWEEN printf('14758-261120-%06d', $start + 1) AND printf('14758-261120-%06d', $start + $size);
                """;
            await command.ExecuteNonQueryAsync();
            await transaction.CommitAsync();
            Console.Write($"\rseeding: {start + size:N0}/{count:N0} ({(start + size) / watch.Elapsed.TotalSeconds:N0} rows/s)   ");
        }

        Console.WriteLine();
        await using (var analyze = connection.CreateCommand())
        {
            analyze.CommandText = "ANALYZE; PRAGMA wal_checkpoint(TRUNCATE);";
            await analyze.ExecuteNonQueryAsync();
        }

        return data;
    }

    /// <summary>Files the one dossier (birth registration, Hàm Rồng, online) the seeders clone, through the real use case.</summary>
    internal static async Task FileTemplateAsync(IServiceProvider services)
    {
        await using var scope = services.CreateAsyncScope();
        var procedure = await scope.ServiceProvider.GetRequiredService<PortalDbContext>().Procedures.AsNoTracking().SingleAsync(p => p.Code == "1.001193");
        var fields = new Dictionary<string, string> { ["childFullName"] = "Bé", ["childDateOfBirth"] = "2026-11-20", ["childSex"] = "Nam", ["placeOfBirth"] = "Thanh Hóa", ["motherFullName"] = "Mẹ" };
        await scope.ServiceProvider.GetRequiredService<SubmitDossier>().HandleAsync(
            new SubmitDossier.Command(procedure, CommuneCode.Parse("14758"), FilingChannel.Online,
                new Applicant("bench", CitizenId.Parse("038090000001"), "Nguyễn Văn An"), fields, Guid.NewGuid()),
            CancellationToken.None);
    }

    internal static async Task<List<string>> ColumnsAsync(SqliteConnection connection, string table)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT name FROM pragma_table_info('{table}')";
        var columns = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            columns.Add(reader.GetString(0));
        }

        return columns;
    }

    internal static Process StartPortal(string data, int port)
    {
        var root = AppContext.BaseDirectory;
        while (!File.Exists(Path.Combine(root, "Portal.sln")))
        {
            root = Path.GetDirectoryName(root) ?? throw new InvalidOperationException("Run from inside the repository.");
        }

        var web = Path.Combine(root, "src", "Portal.Web");
        var start = new ProcessStartInfo("dotnet", Path.Combine(web, "bin", "Release", "net10.0", "Portal.Web.dll"))
        {
            WorkingDirectory = web,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.Environment["Urls"] = $"http://127.0.0.1:{port}";
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Development";
        start.Environment["Database__DataDirectory"] = data;
        start.Environment["Database__SeedDemoAccounts"] = "true";
        start.Environment["Messaging__Communes__0"] = "14758";
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        if (Environment.GetEnvironmentVariable("PORTAL_BENCH_SQL") == "1")
        {
            // Profiling aid: every SQL command with its duration goes to the portal's output, printed at the end.
            start.Environment["Logging__LogLevel__Microsoft.EntityFrameworkCore.Database.Command"] = "Information";
        }
        var process = Process.Start(start)!;
        process.OutputDataReceived += (_, e) => Remember(e.Data);
        process.ErrorDataReceived += (_, e) => Remember(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    private static readonly Queue<string> PortalOutput = new();

    /// <summary>The portal's last lines of output (with <c>PORTAL_BENCH_SQL=1</c>, its SQL and timings).</summary>
    internal static string LastOutput()
    {
        lock (PortalOutput)
        {
            return string.Join('\n', PortalOutput);
        }
    }

    private static void Remember(string? line)
    {
        lock (PortalOutput)
        {
            if (line is not null)
            {
                PortalOutput.Enqueue(line);
                if (PortalOutput.Count > 400)
                {
                    PortalOutput.Dequeue();
                }
            }
        }
    }

    /// <summary>Up to 15 minutes: the first start on a large seeded folder may migrate (build an index over millions of dossiers).</summary>
    internal static async Task WaitUntilUpAsync(HttpClient http)
    {
        for (var i = 0; i < 9000; i++)
        {
            try
            {
                if ((await http.GetAsync("/health/live")).IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
            }

            await Task.Delay(100);
        }

        lock (PortalOutput)
        {
            throw new TimeoutException("The portal did not start within 60 s. Its last output:\n" + string.Join('\n', PortalOutput));
        }
    }

    internal static async Task SignInAsync(HttpClient http, string userName)
    {
        var page = await (await http.GetAsync("/dang-nhap")).Content.ReadAsStringAsync();
        var token = Antiforgery().Match(page).Groups[1].Value;
        var response = await http.PostAsync("/dang-nhap", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["UserName"] = userName, ["Password"] = "Portal@2025", ["ReturnUrl"] = "/", ["__RequestVerificationToken"] = token,
        }));
        if (response.StatusCode != HttpStatusCode.Redirect)
        {
            throw new InvalidOperationException($"Sign-in failed: {(int)response.StatusCode}");
        }
    }

    internal static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex Antiforgery();

    [GeneratedRegex("href=\"([^\"]+)\" data-testid=\"next\"")]
    private static partial Regex NextLink();

    [GeneratedRegex("data-testid=\"total\">([^<]+)<")]
    private static partial Regex TotalShown();
}
