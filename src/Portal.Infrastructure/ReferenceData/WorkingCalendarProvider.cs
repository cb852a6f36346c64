using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Domain.Calendar;
using Portal.Infrastructure.Persistence;

namespace Portal.Infrastructure.ReferenceData;

/// <summary>The working calendar built from the holidays table, cached for a few minutes.</summary>
public sealed class WorkingCalendarProvider(IServiceScopeFactory scopes, TimeProvider clock)
{
    private static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(5);
    private (WorkingCalendar Calendar, DateTimeOffset LoadedAt)? _cached;

    public async ValueTask<WorkingCalendar> GetAsync(CancellationToken cancellationToken)
    {
        if (_cached is { } cached && clock.GetUtcNow() - cached.LoadedAt < Lifetime)
        {
            return cached.Calendar;
        }

        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        var days = await db.PublicHolidays.AsNoTracking().ToListAsync(cancellationToken);
        var calendar = new WorkingCalendar(
            days.Where(d => !d.IsWorkingDay).Select(d => d.Date),
            days.Where(d => d.IsWorkingDay).Select(d => d.Date));
        _cached = (calendar, clock.GetUtcNow());
        return calendar;
    }
}
