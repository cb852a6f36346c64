using Microsoft.Extensions.Configuration;

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

    /// <summary>Where the embedded database and the Data Protection keys live; a relative path is resolved against the content root.</summary>
    public string DataDirectory { get; set; } = "data";

    public bool MigrateOnStartup { get; set; } = true;

    /// <summary>Seeds the demo accounts listed in the README. Never enable in production.</summary>
    public bool SeedDemoAccounts { get; set; }

    /// <summary>SQLite: the WAL file is truncated to this size after a checkpoint.</summary>
    public long SqliteJournalSizeLimitBytes { get; set; } = 64L * 1024 * 1024;

    /// <summary>How long a SQLite connection waits for a lock another process holds (a backup, an operator's tool) before the write fails as busy (a 503 to retry).</summary>
    public int SqliteBusyTimeoutMilliseconds { get; set; } = 10_000;

    /// <summary>Reads the section and makes <see cref="DataDirectory"/> absolute.</summary>
    public static DatabaseOptions From(IConfiguration configuration, string contentRootPath)
    {
        var options = configuration.GetSection(SectionName).Get<DatabaseOptions>() ?? new DatabaseOptions();
        options.DataDirectory = Path.GetFullPath(options.DataDirectory, contentRootPath);
        return options;
    }

    public string ResolveSqliteConnectionString() =>
        string.IsNullOrWhiteSpace(ConnectionString)
            ? $"Data Source={Path.Combine(DataDirectory, "portal.db")};Pooling=True"
            : ConnectionString;
}
