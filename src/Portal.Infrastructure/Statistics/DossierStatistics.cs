using Portal.Domain.Calendar;
using Portal.Domain.Catalogue;
using Portal.Domain.Dossiers;

namespace Portal.Infrastructure.Statistics;

/// <summary>
/// The supervisors' counters for one commune × agency × procedure × local day (Asia/Ho_Chi_Minh), kept
/// up to date by the statistics consumer from the bus's events, so no page ever counts dossiers.
/// </summary>
public sealed class DossierStatistic
{
    public required string CommuneCode { get; init; }

    public required HandlingAgency Agency { get; init; }

    public required string ProcedureCode { get; init; }

    public required DateOnly Day { get; init; }

    public int ReceivedOnline { get; set; }

    public int ReceivedDirect { get; set; }

    public int CompletedEarly { get; set; }

    public int CompletedOnTime { get; set; }

    public int CompletedLate { get; set; }

    /// <summary>Refused at reception, or decided against.</summary>
    public int Refused { get; set; }

    public int Withdrawn { get; set; }

    public int SupplementRequests { get; set; }

    /// <summary>The fees citizens did not pay: the sum of the amounts the rules waived at filing.</summary>
    public long WaivedVnd { get; set; }

    /// <summary>Decision 766 "digitisation": dossiers whose papers the portal holds electronically from filing (filed online, or with files uploaded).</summary>
    public int Digitised { get; set; }

    /// <summary>Decision 766 "reused data": dossiers that attached a result the portal had already issued, by reference, instead of a new paper.</summary>
    public int ReusedData { get; set; }

    /// <summary>Minutes from reception (filing, if never received) to the end of processing, summed over the dossiers finished early, on time or late: the average processing time (Decision 766).</summary>
    public long ProcessingMinutes { get; set; }

    public static DossierStatistic Empty(StatisticKey key) =>
        new() { CommuneCode = key.CommuneCode, Agency = key.Agency, ProcedureCode = key.ProcedureCode, Day = key.Day };

    public StatisticKey Key => new(CommuneCode, Agency, ProcedureCode, Day);

    /// <summary>The counts only, for comparing a counter with a recount.</summary>
    public (int, int, int, int, int, int, int, int, long, long, int, int) Counts =>
        (ReceivedOnline, ReceivedDirect, CompletedEarly, CompletedOnTime, CompletedLate, Refused, Withdrawn, SupplementRequests, WaivedVnd, ProcessingMinutes, Digitised, ReusedData);
}

/// <summary>
/// A counter row's key. Besides the detail rows, every fact is also added to two roll-ups kept in the same
/// table, so a dashboard over a month or two years reads a few thousand rows instead of every detail:
/// commune × agency × day (<see cref="ProcedureCode"/> = <see cref="All"/>) and procedure × day
/// (<see cref="CommuneCode"/> = <see cref="All"/>). The recount builds them the same way, so
/// <c>statistics verify</c> checks them too.
/// </summary>
public readonly record struct StatisticKey(string CommuneCode, HandlingAgency Agency, string ProcedureCode, DateOnly Day)
{
    public const string All = "*";

    public IEnumerable<StatisticKey> WithRollUps() => [this, this with { ProcedureCode = All }, this with { CommuneCode = All }];
}

/// <summary>
/// What each fact adds to the counters. The consumer applies it to one event; the recount applies it to
/// every dossier; both use these functions, so they can only disagree if an event was lost or doubled.
/// </summary>
public static class StatisticRules
{
    /// <summary>
    /// A filing. <paramref name="uploaded"/>: files were attached at filing; <paramref name="reused"/>: an earlier result was
    /// attached by reference. Online filings are digital from the start; a paper filing counts as digitised once scanned.
    /// </summary>
    public static void Filed(DossierStatistic row, FilingChannel channel, long waivedVnd, bool uploaded = false, bool reused = false)
    {
        if (channel == FilingChannel.Online)
        {
            row.ReceivedOnline++;
        }
        else
        {
            row.ReceivedDirect++;
        }

        row.WaivedVnd += waivedVnd;
        row.Digitised += channel == FilingChannel.Online || uploaded ? 1 : 0;
        row.ReusedData += reused ? 1 : 0;
    }

    /// <summary>Processing ended (processed, refused at reception, stopped or withdrawn): early, on time or late, refused, withdrawn.</summary>
    public static void Completed(DossierStatistic row, DossierStatus endedAs, ProcessingOutcome? outcome, Timeliness? timeliness, TimeSpan processing)
    {
        switch (timeliness)
        {
            case Timeliness.Early: row.CompletedEarly++; break;
            case Timeliness.OnTime: row.CompletedOnTime++; break;
            case Timeliness.Late: row.CompletedLate++; break;
        }

        if (timeliness is not null)
        {
            row.ProcessingMinutes += (long)Math.Round(Math.Max(0, processing.TotalMinutes));
        }

        if (endedAs == DossierStatus.RefusedAtReception || (endedAs == DossierStatus.Processed && outcome == ProcessingOutcome.Refused))
        {
            row.Refused++;
        }

        if (endedAs == DossierStatus.Withdrawn)
        {
            row.Withdrawn++;
        }
    }

    public static void SupplementRequested(DossierStatistic row) => row.SupplementRequests++;

    /// <summary>The states in which processing ends (a status change into one of them is a completion).</summary>
    public static bool Ends(DossierStatus to) =>
        to is DossierStatus.Processed or DossierStatus.RefusedAtReception or DossierStatus.Stopped or DossierStatus.Withdrawn;

    public static DateOnly Day(DateTimeOffset at) => VietnamTime.LocalDate(at);

    /// <summary>How long processing took: from reception (or filing, if the dossier was never received) to its end.</summary>
    public static TimeSpan Processing(DateTimeOffset filedAt, DateTimeOffset? receivedAt, DateTimeOffset completedAt) => completedAt - (receivedAt ?? filedAt);
}
