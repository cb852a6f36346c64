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
    public const int MaxDays = 366;

    [HttpGet("communes")]
    public async Task<ActionResult<CommuneStatsDto>> Communes([FromQuery] DateOnly? from, [FromQuery] DateOnly? to, CancellationToken cancellationToken)
    {
        var today = VietnamTime.LocalDate(clock.GetUtcNow());
        var (first, last) = (from ?? today.AddDays(-29), to ?? today);
        if (first > last || last.DayNumber - first.DayNumber >= MaxDays || first.Year < 2000 || last.Year > 2100)
        {
            ModelState.AddModelError("from", l["Khoảng thời gian không hợp lệ (từ ngày ≤ đến ngày, tối đa 366 ngày)."]);
            return ValidationProblem(ModelState);
        }

        // The same figures as the supervisors' dashboard: the event-built counters and the worklist, never a scan of the dossiers.
        var figures = await queries.ByQueueAsync(new Features.Supervision.Period(first, last), cancellationToken);
        var rows = figures.Select(f => new CommuneStatsRow(
            f.CommuneCode, f.CommuneName, Agencies.Slug(f.Agency!.Value), f.Received, f.Early, f.OnTime, f.Late, f.Open,
            f.OnTimeRate is { } rate ? Math.Round(rate, 1) : null, queries.Colour(f.OnTimeRate, Features.Supervision.Indicator.OnTime))
        {
            ReceivedOnline = f.ReceivedOnline, ReceivedDirect = f.ReceivedDirect, Refused = f.Refused, Withdrawn = f.Withdrawn,
            SupplementRequests = f.Supplements, OpenOverdue = f.OpenOverdue, WaivedVnd = f.WaivedVnd,
        });
        return new CommuneStatsDto(first, last, [.. rows]);
    }
}

public sealed record CommuneStatsDto(DateOnly From, DateOnly To, IReadOnlyList<CommuneStatsRow> Communes);

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
}
