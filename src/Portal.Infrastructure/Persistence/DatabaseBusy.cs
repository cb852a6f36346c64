using Microsoft.Data.SqlClient;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Portal.Infrastructure.Persistence;

/// <summary>
/// The database was too busy to take a write in time: SQLite busy or locked (another process held the
/// lock past the busy timeout), SQL Server's timeout or deadlock victim, or two writers racing to create
/// the same backlog counter or the same audit line (possible where writes run in parallel, on SQL
/// Server). Nothing was written (the transaction rolled back); try again: a 503, not a 500.
/// </summary>
public static class DatabaseBusy
{
    public static bool Is(Exception exception)
    {
        for (var e = (Exception?)exception; e is not null; e = e.InnerException)
        {
            if (e is SqliteException { SqliteErrorCode: 5 or 6 } or SqlException { Number: -2 or 1205 })
            {
                return true;
            }

            if (e is DbUpdateException { Entries.Count: > 0 } update
                && update.Entries.All(x => x.Entity is Statistics.BacklogCounter or Messaging.Consumers.DossierEvent))
            {
                return true;
            }
        }

        return false;
    }
}
