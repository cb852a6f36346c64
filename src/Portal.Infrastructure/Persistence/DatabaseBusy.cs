using Microsoft.Data.SqlClient;
using Microsoft.Data.Sqlite;

namespace Portal.Infrastructure.Persistence;

/// <summary>
/// The database was too busy to take a write in time: SQLite busy or locked (another process held the
/// lock past the busy timeout), SQL Server's timeout or deadlock victim. Nothing was written (the
/// transaction rolled back); the user or client should try again: a 503, not a 500.
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
        }

        return false;
    }
}
