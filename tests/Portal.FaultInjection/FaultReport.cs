using System.Globalization;
using System.Text;

namespace Portal.FaultInjection;

/// <summary>
/// The ledger check and its report, after Jepsen's set checker: every attempted submission is classified against
/// the database's final state. <b>ok</b>: acknowledged with a code, and that dossier is stored once, in exactly one
/// worklist (its commune's committee queue) with its audit lines; <b>lost</b>: acknowledged but missing, or stored
/// and in no worklist or without its audit lines; <b>duplicated</b>: one submission stored, routed or recorded
/// twice; <b>recovered</b>: not acknowledged (the client gave up) yet stored and complete; <b>unexpected</b>:
/// stored but never attempted.
/// </summary>
public sealed class FaultReport
{
    private readonly IReadOnlyList<Submission> _submissions;
    private readonly Dictionary<Guid, StoredDossier> _byKey;
    private readonly ILookup<string, StoredDossier> _byCode;

    public FaultReport(
        FaultPlan plan, DateTime started, DateTime loadEnded, DateTime finished, IReadOnlyList<FaultWindow> faults, IReadOnlyList<Submission> submissions,
        IReadOnlyList<StoredDossier> dossiers, IReadOnlyList<(string Name, bool Passed, string Output)> checks, string drain, IReadOnlyDictionary<string, int> starts)
    {
        Plan = plan;
        Started = started;
        LoadEnded = loadEnded;
        Finished = finished;
        Faults = faults;
        _submissions = submissions;
        Dossiers = dossiers;
        Checks = checks;
        Drain = drain;
        Starts = starts;
        _byKey = dossiers.Where(d => d.Key is not null).GroupBy(d => d.Key!.Value).ToDictionary(g => g.Key, g => g.First());
        _byCode = dossiers.ToLookup(d => d.Code);
        var attempted = submissions.Select(s => s.Key).ToHashSet();
        Unexpected = [.. dossiers.Where(d => d.Key is null || !attempted.Contains(d.Key.Value)).Select(d => $"{d.Code}: stored, never attempted")];
        DuplicatedKeys = [.. dossiers.Where(d => d.Key is not null).GroupBy(d => d.Key!.Value).Where(g => g.Count() > 1).Select(g => $"{g.Key}: {g.Count()} dossiers for one idempotency key")];
        Total = Classify(submissions);
    }

    public FaultPlan Plan { get; }

    public DateTime Started { get; }

    public DateTime LoadEnded { get; }

    public DateTime Finished { get; }

    public IReadOnlyList<FaultWindow> Faults { get; }

    public IReadOnlyList<StoredDossier> Dossiers { get; }

    public IReadOnlyList<(string Name, bool Passed, string Output)> Checks { get; }

    public string Drain { get; }

    public IReadOnlyDictionary<string, int> Starts { get; }

    public IReadOnlyList<string> Unexpected { get; }

    public IReadOnlyList<string> DuplicatedKeys { get; }

    public Tally Total { get; }

    public bool Valid => Total.Lost == 0 && Total.Duplicated == 0 && Unexpected.Count == 0 && DuplicatedKeys.Count == 0
        && Total.Refused == 0 && Checks.All(c => c.Passed) && Drain.StartsWith("drained", StringComparison.Ordinal);

    /// <summary>The figures of a group of submissions, with the reason for every one not ok.</summary>
    public sealed record Tally(
        int Attempted, int FirstTry, int AfterRetries, int Recovered, int NeverFiled, int Refused, int Lost, int Duplicated,
        IReadOnlyDictionary<string, int> FailuresSeen, IReadOnlyList<string> Problems, IReadOnlyList<TimeSpan> RoutingDelays);

    private Tally Classify(IEnumerable<Submission> group)
    {
        int attempted = 0, firstTry = 0, afterRetries = 0, recovered = 0, neverFiled = 0, refused = 0, lost = 0, duplicated = 0;
        var failures = new SortedDictionary<string, int>(StringComparer.Ordinal);
        var problems = new List<string>();
        var delays = new List<TimeSpan>();
        foreach (var submission in group)
        {
            attempted++;
            foreach (var failure in submission.Failures)
            {
                var kind = failure.Length > 120 ? failure[..120] : failure;
                failures[kind] = failures.GetValueOrDefault(kind) + 1;
            }

            _byKey.TryGetValue(submission.Key, out var stored);
            if (submission.Refused is not null)
            {
                refused++;
                problems.Add($"{submission.Key}: refused {submission.Refused}");
            }

            if (submission.Code is not null)
            {
                if (submission.Failures.Count == 0)
                {
                    firstTry++;
                }
                else
                {
                    afterRetries++;
                }

                var byCode = _byCode[submission.Code].ToList();
                if (byCode.Count == 0 || stored is null)
                {
                    lost++;
                    problems.Add($"{submission.Code}: acknowledged, not in the database");
                    continue;
                }

                if (byCode.Count > 1 || byCode[0].Key != submission.Key)
                {
                    duplicated++;
                    problems.Add($"{submission.Code}: the code answered belongs to {byCode.Count} dossiers or another submission");
                    continue;
                }
            }
            else if (stored is null)
            {
                neverFiled++; // not acknowledged, not stored: the client knows it was not filed
                continue;
            }
            else
            {
                recovered++;
            }

            var (isLost, isDuplicated, problem) = Complete(stored, submission);
            lost += isLost ? 1 : 0;
            duplicated += isDuplicated ? 1 : 0;
            if (problem is not null)
            {
                problems.Add(problem);
            }

            if (stored.RoutingDelay is { } delay)
            {
                delays.Add(delay);
            }
        }

        delays.Sort();
        return new Tally(attempted, firstTry, afterRetries, recovered, neverFiled, refused, lost, duplicated, failures, problems, delays);
    }

    private static (bool Lost, bool Duplicated, string? Problem) Complete(StoredDossier stored, Submission submission)
    {
        var expectedQueue = $"worklist-{submission.Commune}-committee";
        if (stored.WorklistEntries == 0)
        {
            return (true, false, $"{stored.Code}: in no worklist");
        }

        if (stored.Queue != expectedQueue)
        {
            return (true, false, $"{stored.Code}: in {stored.Queue}, not {expectedQueue}");
        }

        if (stored.SubmittedEvents == 0 || stored.RoutedEvents == 0)
        {
            return (true, false, $"{stored.Code}: audit lines missing (submitted {stored.SubmittedEvents}, routed {stored.RoutedEvents})");
        }

        if (stored.WorklistEntries > 1 || stored.SubmittedEvents > 1 || stored.RoutedEvents > 1)
        {
            return (false, true, $"{stored.Code}: {stored.WorklistEntries} worklist entries, {stored.SubmittedEvents} submitted and {stored.RoutedEvents} routed audit lines");
        }

        return (false, false, null);
    }

    /// <summary>The submissions whose life (first attempt to last answer) overlapped a fault of this kind.</summary>
    public Tally During(FaultKind kind) =>
        Classify(_submissions.Where(s => Faults.Any(f => f.Kind == kind && s.FirstSent <= f.End && s.Finished >= f.Start)));

    public Tally Calm() => Classify(_submissions.Where(s => !Faults.Any(f => s.FirstSent <= f.End && s.Finished >= f.Start)));

    public string ToMarkdown()
    {
        var text = new StringBuilder();
        var culture = CultureInfo.InvariantCulture;
        text.AppendLine(culture, $"Run of {Started:yyyy-MM-dd HH:mm} UTC: {(Finished - Started).TotalSeconds:N0} s in all, load for {(LoadEnded - Started).TotalSeconds:N0} s; " +
            $"{Plan.Clients} clients; faults: {Plan.WebKills} web kills, {Plan.ProcessingKills} processing kills, {Plan.BrokerRestarts} broker restarts, {Plan.BusyPeriods} busy periods; " +
            $"{Environment.ProcessorCount} cores. Process starts: {string.Join(", ", Starts.Select(s => $"{s.Key} {s.Value}"))}.");
        text.AppendLine();
        text.AppendLine("| submissions overlapping | injected | attempted | ok, first try | ok, after retries | recovered | not filed | refused | lost | duplicated | routing delay p50 / p99 / max |");
        text.AppendLine("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|");
        foreach (var (name, count, tally) in new[]
        {
            ("kill -9 web", Plan.WebKills, During(FaultKind.WebKill)),
            ("kill -9 processing", Plan.ProcessingKills, During(FaultKind.ProcessingKill)),
            ("RabbitMQ stop/start", Plan.BrokerRestarts, During(FaultKind.BrokerRestart)),
            ("SQLite write lock", Plan.BusyPeriods, During(FaultKind.DatabaseBusy)),
            ("no fault", 0, Calm()),
            ("**all**", Faults.Count, Total),
        })
        {
            text.AppendLine(culture, $"| {name} | {count} | {tally.Attempted} | {tally.FirstTry} | {tally.AfterRetries} | {tally.Recovered} | {tally.NeverFiled} | {tally.Refused} | {tally.Lost} | {tally.Duplicated} | {Delays(tally.RoutingDelays)} |");
        }

        text.AppendLine();
        text.AppendLine("```clojure");
        text.AppendLine(culture, $"{{:valid? {(Valid ? "true" : "false")}");
        text.AppendLine(culture, $" :attempt-count {Total.Attempted}");
        text.AppendLine(culture, $" :acknowledged-count {Total.FirstTry + Total.AfterRetries}");
        text.AppendLine(culture, $" :ok-count {Total.FirstTry + Total.AfterRetries + Total.Recovered - Total.Lost - Total.Duplicated}");
        text.AppendLine(culture, $" :lost-count {Total.Lost}");
        text.AppendLine(culture, $" :duplicated-count {Total.Duplicated + DuplicatedKeys.Count}");
        text.AppendLine(culture, $" :recovered-count {Total.Recovered}");
        text.AppendLine(culture, $" :unexpected-count {Unexpected.Count}");
        text.AppendLine(culture, $" :not-filed-count {Total.NeverFiled}");
        text.AppendLine(culture, $" :refused-count {Total.Refused}");
        text.AppendLine(culture, $" :stored-count {Dossiers.Count}}}");
        text.AppendLine("```");
        text.AppendLine();
        text.AppendLine(Valid ? "Everything looks good! ヽ(‘ー`)ノ" : "Analysis invalid! (ﾉಥ益ಥ）ﾉ ┻━┻");
        text.AppendLine();
        text.AppendLine(culture, $"- {Drain}");
        foreach (var (name, passed, output) in Checks)
        {
            text.AppendLine(culture, $"- {(passed ? "passed" : "FAILED")}: {name}{(passed ? "" : "\n\n```\n" + output + "\n```")}");
        }

        text.AppendLine();
        text.AppendLine("What the clients saw while retrying (attempts that got no dossier code):");
        text.AppendLine();
        foreach (var (failure, count) in Total.FailuresSeen.OrderByDescending(f => f.Value))
        {
            text.AppendLine(culture, $"- {count} × {failure}");
        }

        if (Total.FailuresSeen.Count == 0)
        {
            text.AppendLine("- none");
        }

        text.AppendLine();
        text.AppendLine("Faults, in the order injected (time from the fault to every process answering again):");
        text.AppendLine();
        foreach (var fault in Faults)
        {
            text.AppendLine(culture, $"{fault.Number}. {fault.Detail}: {(fault.End - fault.Start).TotalSeconds:N1} s");
        }

        var problems = Total.Problems.Concat(Unexpected).Concat(DuplicatedKeys).ToList();
        if (problems.Count > 0)
        {
            text.AppendLine();
            text.AppendLine(culture, $"Problems ({problems.Count}, first 50):");
            text.AppendLine();
            foreach (var problem in problems.Take(50))
            {
                text.AppendLine(culture, $"- {problem}");
            }
        }

        return text.ToString();
    }

    private static string Delays(IReadOnlyList<TimeSpan> sorted) => sorted.Count == 0
        ? "–"
        : string.Create(CultureInfo.InvariantCulture, $"{Seconds(sorted[(int)((sorted.Count - 1) * 0.50)])} / {Seconds(sorted[(int)((sorted.Count - 1) * 0.99)])} / {Seconds(sorted[^1])}");

    private static string Seconds(TimeSpan value) => value.TotalSeconds.ToString("N1", CultureInfo.InvariantCulture) + " s";
}
