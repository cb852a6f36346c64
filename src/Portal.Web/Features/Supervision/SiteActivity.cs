using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using Portal.Domain.Calendar;
using Portal.Infrastructure.Persistence;
using Portal.Infrastructure.Statistics;

namespace Portal.Web.Features.Supervision;

/// <summary>
/// The portal's liveness: who is online now (browsers seen in the last five minutes by any instance),
/// and visits (a visit is a browser without the anonymous visit cookie, which lasts 30 minutes from the
/// last page). Visits and sightings are kept in memory and written every half minute, through the single
/// write path, so a page view never waits for a write; "online now" adds this instance's unwritten
/// sightings to what every instance wrote (other replicas' are up to half a minute late).
/// </summary>
public sealed class SiteActivity(TimeProvider clock)
{
    public const string CookieName = "portal.visit";

    public static readonly TimeSpan OnlineWindow = TimeSpan.FromMinutes(5);

    /// <summary>At most this many sightings per write (the rest wait for the next), so a flush never holds the write path long.</summary>
    public const int MaxSightingsPerFlush = 2_000;

    private readonly ConcurrentDictionary<string, DateTimeOffset> _seen = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, DateTimeOffset> _unwritten = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<DateOnly, long> _pending = new();

    public void Seen(string visitor, bool newVisit)
    {
        var now = clock.GetUtcNow();
        _seen[visitor] = now;
        if (!newVisit)
        {
            // Only browsers that came back with their cookie are written for the other replicas: a client
            // that never keeps cookies (a crawler, a probe) counts here, once per request, but fills no table.
            _unwritten[visitor] = now;
        }
        if (newVisit)
        {
            _pending.AddOrUpdate(VietnamTime.LocalDate(now), 1, (_, n) => n + 1);
        }
    }

    /// <summary>Browsers seen in the last five minutes by any instance (as written) or by this one.</summary>
    public async Task<int> OnlineNowAsync(PortalDbContext db, CancellationToken cancellationToken)
    {
        var since = clock.GetUtcNow() - OnlineWindow;
        foreach (var (visitor, at) in _seen)
        {
            if (at < since)
            {
                _seen.TryRemove(visitor, out _);
            }
        }

        var written = await db.SiteVisitors.AsNoTracking().Where(v => v.LastSeenAt >= since).Select(v => v.Visitor).ToListAsync(cancellationToken);
        return written.Union(_seen.Keys, StringComparer.Ordinal).Count();
    }

    /// <summary>Visits counted but not yet written, by day (so the dashboard's figures include them).</summary>
    public long Pending(DateOnly? day = null) => day is { } d ? _pending.GetValueOrDefault(d) : _pending.Values.Sum();

    /// <summary>Adds the visits counted and the browsers seen since the last flush to the database; forgets sightings older than a day.</summary>
    public async Task FlushAsync(UnitOfWork unitOfWork, CancellationToken cancellationToken)
    {
        var taken = new Dictionary<DateOnly, long>();
        foreach (var day in _pending.Keys)
        {
            if (_pending.TryRemove(day, out var n) && n > 0)
            {
                taken[day] = n;
            }
        }

        var sightings = new Dictionary<string, DateTimeOffset>(StringComparer.Ordinal);
        foreach (var visitor in _unwritten.Keys.Take(MaxSightingsPerFlush))
        {
            if (_unwritten.TryRemove(visitor, out var at))
            {
                sightings[visitor] = at;
            }
        }

        if (taken.Count == 0 && sightings.Count == 0)
        {
            return;
        }

        try
        {
            await unitOfWork.ExecuteAsync(
                async ct =>
                {
                    foreach (var (day, n) in taken)
                    {
                        var row = await unitOfWork.Db.SiteVisitDays.FirstOrDefaultAsync(v => v.Day == day, ct);
                        if (row is null)
                        {
                            unitOfWork.Db.SiteVisitDays.Add(new SiteVisitDay { Day = day, Visits = n });
                        }
                        else
                        {
                            row.Visits += n;
                        }
                    }

                    var ids = sightings.Keys.ToList();
                    var known = await unitOfWork.Db.SiteVisitors.Where(v => ids.Contains(v.Visitor)).ToDictionaryAsync(v => v.Visitor, ct);
                    foreach (var (visitor, at) in sightings)
                    {
                        var row = known.GetValueOrDefault(visitor);
                        if (row is null)
                        {
                            unitOfWork.Db.SiteVisitors.Add(new SiteVisitor { Visitor = visitor, LastSeenAt = at });
                        }
                        else if (row.LastSeenAt < at)
                        {
                            row.LastSeenAt = at;
                        }
                    }

                    var dayAgo = clock.GetUtcNow().AddDays(-1);
                    await unitOfWork.Db.SiteVisitors.Where(v => v.LastSeenAt < dayAgo).ExecuteDeleteAsync(ct);
                },
                cancellationToken);
        }
        catch
        {
            foreach (var (day, n) in taken)
            {
                _pending.AddOrUpdate(day, n, (_, m) => m + n); // try again next time; nothing is lost
            }

            foreach (var (visitor, at) in sightings)
            {
                _unwritten.AddOrUpdate(visitor, at, (_, later) => later > at ? later : at);
            }

            throw;
        }
    }
}

/// <summary>Counts page views of people (not the API, health probes, the metrics scrape, static files or the OpenID endpoints).</summary>
public sealed class SiteActivityMiddleware(RequestDelegate next, SiteActivity activity)
{
    public Task InvokeAsync(HttpContext context)
    {
        var path = context.Request.Path;
        if (HttpMethods.IsGet(context.Request.Method) && !path.StartsWithSegments("/api") && !path.StartsWithSegments("/health") && !path.StartsWithSegments(Observability.MetricsPath)
            && !path.StartsWithSegments("/connect") && !path.StartsWithSegments("/lib") && !path.StartsWithSegments("/css") && !Path.HasExtension(path.Value))
        {
            var visitor = context.Request.Cookies[SiteActivity.CookieName];
            var isNew = visitor is null || visitor.Length != SiteVisitor.IdLength || !visitor.All(char.IsAsciiHexDigit);
            if (isNew)
            {
                visitor = Guid.NewGuid().ToString("N");
            }

            activity.Seen(visitor!, isNew);
            context.Response.Cookies.Append(SiteActivity.CookieName, visitor!, new CookieOptions
            {
                HttpOnly = true, SameSite = SameSiteMode.Lax, Secure = context.Request.IsHttps, IsEssential = true, MaxAge = TimeSpan.FromMinutes(30),
            });
        }

        return next(context);
    }
}

/// <summary>Writes the counted visits every 30 seconds, and once more on shutdown.</summary>
public sealed partial class SiteActivityFlusher(SiteActivity activity, IServiceScopeFactory scopes, TimeProvider clock, ILogger<SiteActivityFlusher> logger) : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(30);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            await Task.Delay(Interval, clock, stoppingToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            await FlushAsync(CancellationToken.None);
        }
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        await FlushAsync(CancellationToken.None);
    }

    public async Task FlushAsync(CancellationToken cancellationToken)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            await activity.FlushAsync(scope.ServiceProvider.GetRequiredService<UnitOfWork>(), cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogFailed(ex);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Writing the visit counts failed; they are kept for the next attempt")]
    private partial void LogFailed(Exception exception);
}
