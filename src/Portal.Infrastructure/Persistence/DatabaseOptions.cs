namespace Portal.Infrastructure.Persistence;

public enum DatabaseProvider
{
    Sqlite = 1,
    SqlServer = 2,
}

/// <summary>The <c>Database</c> configuration section.</summary>
public sealed class DatabaseOptions
{
    public const string SectionName = "Database";

    public DatabaseProvider Provider { get; set; } = DatabaseProvider.Sqlite;

    /// <summary>SQL Server connection string, or a full SQLite one; for SQLite, empty means <c>{DataDirectory}/portal.db</c>.</summary>
    public string? ConnectionString { get; set; }

    /// <summary>Where the embedded database (and other local state) lives; relative paths are from the working directory.</summary>
    public string DataDirectory { get; set; } = "data";

    public bool MigrateOnStartup { get; set; } = true;

    /// <summary>Seeds the demo accounts listed in the README. Never enable in production.</summary>
    public bool SeedDemoAccounts { get; set; }

    /// <summary>SQLite: the WAL file is truncated to this size after a checkpoint.</summary>
    public long SqliteJournalSizeLimitBytes { get; set; } = 64L * 1024 * 1024;

    public string ResolveSqliteConnectionString()
    {
        if (!string.IsNullOrWhiteSpace(ConnectionString))
        {
            return ConnectionString;
        }

        var directory = Path.GetFullPath(DataDirectory);
        return $"Data Source={Path.Combine(directory, "portal.db")};Pooling=True";
    }
}
