using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using Portal.Domain.Calendar;
using Portal.Web.Authorization;

namespace Portal.Web.Api.V1;

/// <summary>
/// Per commune and agency, for the provincial command centre (client credentials, scope <c>stats</c>):
/// dossiers filed in the period (online, direct), finished early / on time / late, refused, withdrawn,
/// supplement requests, fees waived, open now (and overdue), on-time rate and colour: the dashboard's numbers.
/// </summary>
[ApiController]
[Authorize(Policy = Policies.ApiStats)]
[Route("api/v1/stats")]
public sealed class StatsApiController(Features.Supervision.SupervisionQueries queries, TimeProvider clock, IStringLocalizer<SharedResource> l) : ControllerBase
{
    /// <summary>The dashboard's longest period (two years).</summary>
    public const int MaxDays = Features.Supervision.Period.MaxDays;

    [HttpGet("communes")]
    public async Task<ActionResult<CommuneStatsDto>> Communes([FromQuery] DateOnly? from, [FromQuery] DateOnly? to, CancellationToken cancellationToken)
    {
        var today = VietnamTime.LocalDate(clock.GetUtcNow());
        var (first, last) = (from ?? today.AddDays(-29), to ?? today);
        if (first > last || last.DayNumber - first.DayNumber >= MaxDays || first.Year < 2000 || last.Year > 2100)
        {
            ModelState.AddModelError("from", l["Khoảng thời gian không hợp lệ (từ ngày ≤ đến ngày, tối đa {0} ngày).", MaxDays]);
            return ValidationProblem(ModelState);
        }

        // The same figures as the supervisors' dashboard: the event-built counters and the worklist, never a scan of the dossiers.
        var figures = await queries.ByQueueAsync(new Features.Supervision.Period(first, last), cancellationToken);
        var breaches = await queries.BreachCountsAsync(cancellationToken);
        var communes = Features.Supervision.SupervisionQueries.ByCommune(figures);
        var rows = figures.Select(f => new CommuneStatsRow(
            f.CommuneCode, f.CommuneName, Agencies.Slug(f.Agency!.Value), f.Received, f.Early, f.OnTime, f.Late, f.Open,
            Round(f.OnTimeRate), queries.Colour(f.OnTimeRate, Features.Supervision.Indicator.OnTime))
        {
            ReceivedOnline = f.ReceivedOnline, ReceivedDirect = f.ReceivedDirect, Refused = f.Refused, Withdrawn = f.Withdrawn,
            SupplementRequests = f.Supplements, OpenOverdue = f.OpenOverdue, WaivedVnd = f.WaivedVnd,
            OnlineShare = Round(f.OnlineShare), Satisfaction = Round(f.Satisfaction), Liked = f.Liked, Disliked = f.Disliked,
            Digitised = f.Digitised, ReusedData = f.ReusedData,
        });
        // Per commune, as on the dashboard's heat map and its table: the Decision 766 points and the breach forecast.
        var scores = communes.Select(c => new CommuneScoreRow(
            c.CommuneCode, c.CommuneName, Round(c.OnTimeRate), Round(c.OnlineShare), Round(c.Satisfaction),
            queries.Colour(c.OnTimeRate, Features.Supervision.Indicator.OnTime), Points(Features.Supervision.Scorecard.Of(c)),
            breaches.GetValueOrDefault(c.CommuneCode)));
        return new CommuneStatsDto(first, last, [.. rows]) { Scores = [.. scores] };
    }

    private static ScoreDto Points(Features.Supervision.Scorecard card) => new(
        Math.Round(card.Timeliness, 1), Math.Round(card.Online, 1), Math.Round(card.Digitisation, 1), Math.Round(card.Satisfaction, 1),
        Math.Round(card.Total, 1), Features.Supervision.Scorecard.Measurable);

    private static double? Round(double? value) => value is { } v ? Math.Round(v, 1) : null;
}

public sealed record CommuneStatsDto(DateOnly From, DateOnly To, IReadOnlyList<CommuneStatsRow> Communes)
{
    /// <summary>One row per commune: the heat map's rates and colour, the Decision 766 points, the dossiers forecast to miss their date in 48 working hours.</summary>
    public IReadOnlyList<CommuneScoreRow> Scores { get; init; } = [];
}

public sealed record CommuneScoreRow(
    string CommuneCode, string CommuneName, double? OnTimeRate, double? OnlineShare, double? Satisfaction, string Colour, ScoreDto Points, int BreachForecast);

/// <summary>Decision 766 points; <see cref="OutOf"/> is what the portal measures (transparency, 18 points, is not).</summary>
public sealed record ScoreDto(double Timeliness, double Online, double Digitisation, double Satisfaction, double Total, double OutOf);

/// <param name="Received">Filed in the period (online and direct).</param>
/// <param name="Open">Open now (not yet decided), whatever the period.</param>
public sealed record CommuneStatsRow(
    string CommuneCode, string CommuneName, string Agency, int Received, int CompletedEarly, int CompletedOnTime, int CompletedLate, int Open,
    double? OnTimeRate, string Colour)
{
    public int ReceivedOnline { get; init; }

    public int ReceivedDirect { get; init; }

    public int Refused { get; init; }

    public int Withdrawn { get; init; }

    public int SupplementRequests { get; init; }

    public int OpenOverdue { get; init; }

    /// <summary>The fees citizens did not pay in the period (VND).</summary>
    public long WaivedVnd { get; init; }

    public double? OnlineShare { get; init; }

    /// <summary>Decision 766: 100 % − (late rate + share of finished dossiers disliked).</summary>
    public double? Satisfaction { get; init; }

    public int Liked { get; init; }

    /// <summary>Received with their papers held electronically (online, or scanned at filing).</summary>
    public int Digitised { get; init; }

    /// <summary>Received with an earlier result attached by reference.</summary>
    public int ReusedData { get; init; }

    public int Disliked { get; init; }
}
