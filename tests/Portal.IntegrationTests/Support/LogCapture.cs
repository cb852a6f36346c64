using System.Collections.Concurrent;
using System.Diagnostics;
using Microsoft.Extensions.Logging;

namespace Portal.IntegrationTests.Support;

/// <summary>A logging provider that keeps the lines of the categories it is given, with the trace id current when each was written.</summary>
public sealed class LogCapture(Func<string, LogLevel, bool> keep) : ILoggerProvider
{
    public ConcurrentQueue<(string Category, string Message, string? TraceId)> Lines { get; } = new();

    private bool Keeps(string category, LogLevel level) => keep(category, level);

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void Dispose()
    {
    }

    private sealed class Logger(LogCapture capture, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => capture.Keeps(category, logLevel);

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (IsEnabled(logLevel))
            {
                capture.Lines.Enqueue((category, formatter(state, exception), Activity.Current?.TraceId.ToHexString()));
            }
        }
    }
}
