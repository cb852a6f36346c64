using Microsoft.EntityFrameworkCore;
using Portal.Infrastructure.Persistence;

namespace Portal.Web.Infrastructure;

/// <summary>A commune a user can pick: code and full name.</summary>
public sealed record CommuneOption(string Code, string FullName);

public static class CommuneOptions
{
    /// <summary>The communes still in existence (not merged into another), by name.</summary>
    public static async Task<IReadOnlyList<CommuneOption>> ActiveAsync(PortalDbContext db, CancellationToken cancellationToken = default) =>
        [.. (await db.Communes.AsNoTracking().Where(c => c.SuccessorCode == null).OrderBy(c => c.Name).ToListAsync(cancellationToken))
            .Select(c => new CommuneOption(c.Code.Value, c.FullName))];
}
