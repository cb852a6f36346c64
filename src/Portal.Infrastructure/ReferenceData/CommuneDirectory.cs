using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Domain.AdministrativeUnits;
using Portal.Infrastructure.Persistence;

namespace Portal.Infrastructure.ReferenceData;

/// <summary>All communes (with successor links) held in memory for routing; refreshed every minute.</summary>
public sealed class CommuneDirectory(IServiceScopeFactory scopes, TimeProvider clock)
{
    private static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(1);
    private (IReadOnlyDictionary<CommuneCode, Commune> Communes, DateTimeOffset LoadedAt)? _cached;

    public async ValueTask<IReadOnlyDictionary<CommuneCode, Commune>> GetAsync(CancellationToken cancellationToken)
    {
        if (_cached is { } cached && clock.GetUtcNow() - cached.LoadedAt < Lifetime)
        {
            return cached.Communes;
        }

        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        var communes = await db.Communes.AsNoTracking().ToDictionaryAsync(c => c.Code, cancellationToken);
        _cached = (communes, clock.GetUtcNow());
        return communes;
    }

    /// <summary>Forgets the cached communes, e.g. after a merger has been recorded.</summary>
    public void Invalidate() => _cached = null;
}
