using System.Diagnostics;
using System.Globalization;

namespace Portal.FaultInjection;

public enum FaultKind
{
    WebKill,
    ProcessingKill,
    BrokerRestart,
    DatabaseBusy,
}

/// <summary>How many faults of each kind, and the load around them.</summary>
public sealed record FaultPlan(int WebKills, int ProcessingKills, int BrokerRestarts, int BusyPeriods)
{
    /// <summary>The documented full run (issue 9): 10 + 10 + 5 + 5 faults.</summary>
    public static FaultPlan Full => new(10, 10, 5, 5);

    /// <summary>The test command's run: one or two of each.</summary>
    public static FaultPlan Short => new(2, 2, 1, 2) { Calm = TimeSpan.FromSeconds(2) };

    /// <summary>Concurrent clients, each submitting, waiting for its answer, pausing, submitting again.</summary>
    public int Clients { get; init; } = 4;

    public TimeSpan Pause { get; init; } = TimeSpan.FromMilliseconds(200);

    /// <summary>Steady load before each fault (and after the last).</summary>
    public TimeSpan Calm { get; init; } = TimeSpan.FromSeconds(4);

    /// <summary>A client retries one submission (same idempotency key) this long, then gives up on it.</summary>
    public TimeSpan GiveUpAfter { get; init; } = TimeSpan.FromMinutes(2);

    /// <summary>After the load stops: how long the portal may take to route and record everything.</summary>
    public TimeSpan DrainWithin { get; init; } = TimeSpan.FromMinutes(4);

    public int Seed { get; init; } = 2025_06_24;

    public IReadOnlyList<FaultKind> Schedule()
    {
        var faults = Enumerable.Repeat(FaultKind.WebKill, WebKills)
            .Concat(Enumerable.Repeat(FaultKind.ProcessingKill, ProcessingKills))
            .Concat(Enumerable.Repeat(FaultKind.BrokerRestart, BrokerRestarts))
            .Concat(Enumerable.Repeat(FaultKind.DatabaseBusy, BusyPeriods))
            .ToArray();
        new Random(Seed).Shuffle(faults);
        return faults;
    }
}

/// <summary>One injected fault: from the moment it struck until everything it broke answered again.</summary>
public sealed record FaultWindow(FaultKind Kind, int Number, DateTime Start, DateTime End, string Detail);

/// <summary>One submission as its client saw it.</summary>
public sealed class Submission(Guid key, string commune, DateTime firstSent)
{
    public Guid Key { get; } = key;

    public string Commune { get; } = commune;

    public DateTime FirstSent { get; } = firstSent;

    public DateTime Finished { get; set; }

    public string? Code { get; set; }

    public int Attempts { get; set; }

    public List<string> Failures { get; } = [];

    public bool GaveUp { get; set; }

    /// <summary>A 4xx the client does not retry (none is expected: every submission is valid).</summary>
    public string? Refused { get; set; }
}

/// <summary>
/// The fault-injection harness (issue 9). Starts, on loopback, one web process (API only, no consumers) and two
/// processing processes (consumers, outbox, sweeps) of the real executable over a real RabbitMQ (a virtual host of
/// its own) and one SQLite file; citizens' app clients submit dossiers through the JSON API the whole time; the
/// harness kills the web process and the processing processes with SIGKILL, stops and starts RabbitMQ and holds
/// SQLite's write lock, one fault at a time in a shuffled order; then stops the load, lets the portal drain and
/// checks the ledger: every acknowledged submission is in the database exactly once and in exactly one worklist.
/// </summary>
public sealed class FaultHarness(FaultPlan plan, TextWriter log)
{
    public const string Citizen = "038090000001";
    public const string Password = "Portal@2025";
    private static readonly string[] Communes = ["14758", "14797"];

    public async Task<FaultReport> RunAsync(CancellationToken cancellationToken = default)
    {
        var started = DateTime.UtcNow;
        var data = Path.Combine(Path.GetTempPath(), "portal-faults", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(data);
        var broker = new Broker();
        await broker.StartAsync();
        await broker.CreateVirtualHostAsync();
        log.WriteLine($"data {data}; RabbitMQ 127.0.0.1:{Broker.Port} vhost {broker.VirtualHost}; plan {plan}");

        var common = Settings(data, broker);
        using var web = new PortalProcess("web", PortalProcess.FreePort(), new Dictionary<string, string>(common) { ["Messaging__ProcessDossiers"] = "false" });
        using var processingA = new PortalProcess("processing A", PortalProcess.FreePort(), new Dictionary<string, string>(common) { ["Portal__Role"] = "Processing" });
        using var processingB = new PortalProcess("processing B", PortalProcess.FreePort(), new Dictionary<string, string>(common) { ["Portal__Role"] = "Processing" });
        PortalProcess[] processes = [web, processingA, processingB];
        var ledger = new Ledger(data);
        var faults = new List<FaultWindow>();
        var submissions = new List<Submission>();
        var keep = true;
        try
        {
            await web.StartAsync(cancellationToken); // migrates and seeds first, alone
            await Task.WhenAll(processingA.StartAsync(cancellationToken), processingB.StartAsync(cancellationToken));
            log.WriteLine($"started web :{web.Port}, processing :{processingA.Port} and :{processingB.Port} in {(DateTime.UtcNow - started).TotalSeconds:N0} s");

            using var app = new CitizenApp(new Uri($"http://127.0.0.1:{web.Port}"), Citizen, Password);
            var warmUp = new Submission(Guid.NewGuid(), Communes[0], DateTime.UtcNow) { Attempts = 1 };
            var first = await app.SubmitAsync(warmUp.Key, warmUp.Commune, cancellationToken);
            warmUp.Code = first.Code ?? throw new InvalidOperationException($"the first submission, before any fault, failed: {first.Failure}");
            warmUp.Finished = DateTime.UtcNow;
            submissions.Add(warmUp);

            using var stopLoad = new CancellationTokenSource();
            var clients = Enumerable.Range(0, plan.Clients).Select(n => ClientAsync(app, n, submissions, stopLoad.Token)).ToArray();
            var number = 0;
            foreach (var kind in plan.Schedule())
            {
                await Task.Delay(plan.Calm, cancellationToken);
                number++;
                var window = await InjectAsync(kind, number, web, processingA, processingB, broker, ledger, cancellationToken);
                faults.Add(window);
                log.WriteLine($"fault {number,2} {window.Kind,-14} {window.Detail} ({(window.End - window.Start).TotalSeconds:N1} s); {Count(submissions)} submissions so far");
            }

            await Task.Delay(plan.Calm, cancellationToken);
            await stopLoad.CancelAsync();
            await Task.WhenAll(clients);
            var loadEnded = DateTime.UtcNow;
            log.WriteLine($"load stopped: {Count(submissions)} submissions; draining");

            var drain = await DrainAsync(ledger, broker, cancellationToken);
            log.WriteLine(drain);
            var dossiers = await ledger.DossiersAsync();
            var checks = new List<(string Name, bool Passed, string Output)>
            {
                Check("every process stayed up but for the kills", processes.All(p => p.UnexpectedExits.Count == 0), string.Join("\n", processes.SelectMany(p => p.UnexpectedExits))),
                Check("no worklist entry without its dossier", await ledger.OrphanWorklistEntriesAsync() == 0, ""),
                Check("outbox drained", await ledger.UnsentOutboxMessagesAsync() == 0, $"{await ledger.UnsentOutboxMessagesAsync()} unsent"),
                Check("no message left parked", await ledger.ParkedMessagesAsync() == 0, $"{await ledger.ParkedMessagesAsync()} parked"),
            };
            foreach (var process in processes)
            {
                await process.KillAsync();
            }

            checks.Add(await CommandAsync("audit verify (hash chain intact)", common, "audit", "verify"));
            checks.Add(await CommandAsync("statistics verify (counters match the dossiers)", common, "statistics", "verify"));
            var report = new FaultReport(plan, started, loadEnded, DateTime.UtcNow, faults, [.. submissions], dossiers, checks, drain,
                processes.ToDictionary(p => p.Name, p => p.Starts));
            keep = !report.Valid;
            return report;
        }
        finally
        {
            foreach (var process in processes)
            {
                process.Dispose();
            }

            await broker.StartAsync(); // a failure in the middle of a broker restart must not leave it down
            await broker.DeleteVirtualHostAsync();
            if (keep)
            {
                log.WriteLine($"kept for inspection: {data}");
            }
            else
            {
                Directory.Delete(data, recursive: true);
            }
        }
    }

    private static (string, bool, string) Check(string name, bool passed, string output) => (name, passed, passed ? "" : output);

    private static int Count(List<Submission> submissions)
    {
        lock (submissions)
        {
            return submissions.Count;
        }
    }

    /// <summary>The settings every portal process of a run shares: one SQLite file, the broker's virtual host, short sweeps, no rate limits.</summary>
    public static Dictionary<string, string> Settings(string data, Broker broker)
    {
        var settings = new Dictionary<string, string>
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Development",
            ["Logging__LogLevel__Default"] = "Warning",
            ["Logging__LogLevel__MassTransit"] = "Error",
            ["Database__Provider"] = "Sqlite",
            ["Database__DataDirectory"] = data,
            ["Database__SeedDemoAccounts"] = "true",
            ["Messaging__Transport"] = "RabbitMq",
            ["Messaging__RabbitMq__Host"] = "127.0.0.1",
            ["Messaging__RabbitMq__Port"] = Broker.Port.ToString(CultureInfo.InvariantCulture),
            ["Messaging__RabbitMq__VirtualHost"] = broker.VirtualHost,
            // Dossiers still in no worklist 30 s after filing are routed again (production: 2 minutes), so the drain is short.
            ["Messaging__Sweep__Grace"] = "00:00:30",
            ["Messaging__Sweep__Interval"] = "00:00:05",
            // The harness measures faults, not the API's rate limit; one token for the whole run.
            ["RateLimits__ApiPerMinute"] = "1000000",
            ["RateLimits__SignInPerMinute"] = "1000",
            ["Oidc__AccessTokenLifetime"] = "02:00:00",
        };
        for (var i = 0; i < Communes.Length; i++)
        {
            settings[$"Messaging__Communes__{i}"] = Communes[i];
        }

        return settings;
    }

    private async Task ClientAsync(CitizenApp app, int client, List<Submission> submissions, CancellationToken stop)
    {
        var random = new Random(plan.Seed + client);
        var n = 0;
        while (!stop.IsCancellationRequested)
        {
            var submission = new Submission(Guid.NewGuid(), Communes[(client + n++) % Communes.Length], DateTime.UtcNow);
            lock (submissions)
            {
                submissions.Add(submission);
            }

            // Once sent, a submission is followed to its end even after the load stops: a client that lost an
            // answer sends the same key again until it gets one (or gives up after GiveUpAfter).
            while (true)
            {
                submission.Attempts++;
                var attempt = await app.SubmitAsync(submission.Key, submission.Commune, CancellationToken.None);
                if (attempt.Code is not null)
                {
                    submission.Code = attempt.Code;
                    break;
                }

                submission.Failures.Add(attempt.Failure!);
                if (!attempt.Retry)
                {
                    submission.Refused = attempt.Failure;
                    break;
                }

                if (DateTime.UtcNow - submission.FirstSent > plan.GiveUpAfter)
                {
                    submission.GaveUp = true;
                    break;
                }

                await Task.Delay(TimeSpan.FromMilliseconds(200 + random.Next(300)), CancellationToken.None);
            }

            submission.Finished = DateTime.UtcNow;
            try
            {
                await Task.Delay(plan.Pause, stop);
            }
            catch (OperationCanceledException)
            {
            }
        }
    }

    private static async Task<FaultWindow> InjectAsync(
        FaultKind kind, int number, PortalProcess web, PortalProcess processingA, PortalProcess processingB, Broker broker, Ledger ledger,
        CancellationToken cancellationToken)
    {
        var start = DateTime.UtcNow;
        string detail;
        switch (kind)
        {
            case FaultKind.WebKill:
                await web.KillAsync();
                await web.StartAsync(cancellationToken);
                detail = "kill -9 of the web process, restarted";
                break;
            case FaultKind.ProcessingKill:
                var victim = number % 2 == 0 ? processingA : processingB;
                await victim.KillAsync();
                await victim.StartAsync(cancellationToken);
                detail = $"kill -9 of {victim.Name}, restarted";
                break;
            case FaultKind.BrokerRestart:
                await broker.StopAsync();
                await Task.Delay(TimeSpan.FromSeconds(2), cancellationToken);
                await broker.StartAsync();
                await Task.WhenAll(web.WaitReadyAsync(cancellationToken), processingA.WaitReadyAsync(cancellationToken), processingB.WaitReadyAsync(cancellationToken));
                detail = "RabbitMQ stopped for 2 s, started, every process ready again";
                break;
            default:
                // Alternately shorter and longer than the portal's busy timeout (10 s): writers wait, then get 503s.
                var hold = TimeSpan.FromSeconds(number % 2 == 0 ? 4 : 14);
                await ledger.HoldWriteLockAsync(hold);
                detail = $"SQLite write lock held {hold.TotalSeconds:N0} s";
                break;
        }

        return new FaultWindow(kind, number, start, DateTime.UtcNow, detail);
    }

    /// <summary>Waits until the outbox and the broker are empty and every dossier has its worklist entry and its audit lines.</summary>
    private async Task<string> DrainAsync(Ledger ledger, Broker broker, CancellationToken cancellationToken)
    {
        var watch = Stopwatch.StartNew();
        var state = "";
        while (watch.Elapsed < plan.DrainWithin)
        {
            var dossiers = await ledger.DossiersAsync();
            var unrouted = dossiers.Count(d => d.WorklistEntries == 0);
            var unaudited = dossiers.Count(d => d.SubmittedEvents == 0 || d.RoutedEvents == 0);
            var outbox = await ledger.UnsentOutboxMessagesAsync();
            var (ready, unacknowledged) = await broker.DepthAsync();
            state = $"{dossiers.Count} dossiers, {unrouted} in no worklist, {unaudited} without their audit lines, {outbox} unsent in the outbox, {ready + unacknowledged} on the broker";
            if (unrouted == 0 && unaudited == 0 && outbox == 0 && ready + unacknowledged == 0)
            {
                await Task.Delay(TimeSpan.FromSeconds(3), cancellationToken); // anything late would show as a duplicate now
                return $"drained in {watch.Elapsed.TotalSeconds:N0} s: {state}";
            }

            await Task.Delay(TimeSpan.FromSeconds(1), cancellationToken);
        }

        return $"NOT drained within {plan.DrainWithin.TotalSeconds:N0} s: {state}";
    }

    /// <summary>Runs one of the portal's commands (audit verify, statistics verify) on the run's database: the name with the last line it printed, whether it passed, and all it printed.</summary>
    public static async Task<(string, bool, string)> CommandAsync(string name, Dictionary<string, string> settings, params string[] args)
    {
        var start = new ProcessStartInfo("dotnet", [PortalProcess.Dll, .. args])
        {
            WorkingDirectory = PortalProcess.WebDirectory, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false,
        };
        foreach (var (key, value) in settings)
        {
            start.Environment[key] = value;
        }

        start.Environment["Messaging__Transport"] = "InMemory";
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        var text = ((await output).Trim() + "\n" + (await error).Trim()).Trim();
        return (name + ": " + text.Split('\n')[^1], process.ExitCode == 0, text);
    }
}
