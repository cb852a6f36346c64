using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using Portal.Domain.Calendar;
using Portal.Infrastructure.Persistence;
using Portal.Infrastructure.Statistics;

namespace Portal.Web.Features.Supervision;

/// <summary>
/// The portal's liveness: who is online now (visitors seen in the last five minutes, on this instance),
/// and visits (a visit is a browser without the anonymous visit cookie, which lasts 30 minutes from the
/// last page). Visits are counted in memory and added to the database every half minute, through the
/// single write path, so a page view never waits for a write.
/// </summary>
public sealed class SiteActivity(TimeProvider clock)
{
    public const string CookieName = "portal.visit";

    public static readonly TimeSpan OnlineWindow = TimeSpan.FromMinutes(5);

    private readonly ConcurrentDictionary<string, DateTimeOffset> _seen = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<DateOnly, long> _pending = new();

    public void Seen(string visitor, bool newVisit)
    {
        var now = clock.GetUtcNow();
        _seen[visitor] = now;
        if (newVisit)
        {
            _pending.AddOrUpdate(VietnamTime.LocalDate(now), 1, (_, n) => n + 1);
        }
    }

    public int OnlineNow()
    {
        var since = clock.GetUtcNow() - OnlineWindow;
        foreach (var (visitor, at) in _seen)
        {
            if (at < since)
            {
                _seen.TryRemove(visitor, out _);
            }
        }

        return _seen.Count;
    }

    /// <summary>Visits counted but not yet written, by day (so the dashboard's figures include them).</summary>
    public long Pending(DateOnly? day = null) => day is { } d ? _pending.GetValueOrDefault(d) : _pending.Values.Sum();

    /// <summary>Adds the visits counted since the last flush to the database.</summary>
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

        if (taken.Count == 0)
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
                },
                cancellationToken);
        }
        catch
        {
            foreach (var (day, n) in taken)
            {
                _pending.AddOrUpdate(day, n, (_, m) => m + n); // try again next time; nothing is lost
            }

            throw;
        }
    }
}

/// <summary>Counts page views of people (not the API, health probes, static files or the OpenID endpoints).</summary>
public sealed class SiteActivityMiddleware(RequestDelegate next, SiteActivity activity)
{
    public Task InvokeAsync(HttpContext context)
    {
        var path = context.Request.Path;
        if (HttpMethods.IsGet(context.Request.Method) && !path.StartsWithSegments("/api") && !path.StartsWithSegments("/health")
            && !path.StartsWithSegments("/connect") && !path.StartsWithSegments("/lib") && !path.StartsWithSegments("/css") && !Path.HasExtension(path.Value))
        {
            var visitor = context.Request.Cookies[SiteActivity.CookieName];
            var isNew = visitor is null || visitor.Length != 32;
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
