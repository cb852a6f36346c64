using System.Diagnostics;
using Portal.Infrastructure.Observability;

namespace Portal.Infrastructure.Persistence;

/// <summary>
/// The single in-process write path. SQLite allows one writer at a time; queuing writers here (in
/// arrival order) instead of letting them spin on SQLITE_BUSY keeps tail latency low. SQL Server
/// handles concurrent writers itself, so its gate is open.
/// </summary>
public interface IWriteGate
{
    /// <summary>Waits for the write path. Re-entrant within one asynchronous flow, so a unit of work can save inside it.</summary>
    ValueTask<IDisposable> EnterAsync(CancellationToken cancellationToken);

    IDisposable Enter();
}

/// <summary>
/// Who is writing, for the write path's metrics (<c>portal.write_path.*</c>, tag <c>writer</c>): <c>web</c> for
/// web requests, the queue's name for the bus's consumers (<c>commune-queues</c> for the 332 commune queues
/// together), <c>outbox</c> for the dispatcher; <c>other</c> for the rest (background services, commands).
/// </summary>
public static class WriterName
{
    private static readonly AsyncLocal<string?> Name = new();

    public static string Current => Name.Value ?? "other";

    /// <summary>Names the current flow and everything it awaits; set once where the flow starts.</summary>
    public static void Set(string name) => Name.Value = name;
}

/// <remarks>
/// The semaphore is deliberately never disposed: a writer still inside the gate when the host's
/// services are disposed (a consumer finishing during shutdown) must still be able to release it,
/// or every writer queued behind it would wait forever and the shutdown with them. A writer waits
/// at most <see cref="MaxWait"/>, then fails with a clear error (retried by the bus, a 503 on the web)
/// instead of hanging.
/// </remarks>
internal sealed class SerialWriteGate(TimeSpan maxWait, PortalMetrics? metrics = null) : IWriteGate
{
    private static readonly IDisposable AlreadyHeld = new Holder(null, null);
    private readonly SemaphoreSlim _semaphore = new(1, 1);
    private readonly AsyncLocal<Holder?> _current = new();

    public SerialWriteGate()
        : this(TimeSpan.FromSeconds(30))
    {
    }

    public SerialWriteGate(PortalMetrics metrics)
        : this(TimeSpan.FromSeconds(30), metrics)
    {
    }

    public TimeSpan MaxWait => maxWait;

    // Not async: the AsyncLocal assignment must be visible to the caller's flow, which an async
    // method would hide when it returns.
    public ValueTask<IDisposable> EnterAsync(CancellationToken cancellationToken)
    {
        if (_current.Value is { IsReleased: false })
        {
            return ValueTask.FromResult(AlreadyHeld);
        }

        var holder = new Holder(_semaphore, metrics);
        _current.Value = holder;
        return WaitAsync(holder, cancellationToken);
    }

    public IDisposable Enter()
    {
        if (_current.Value is { IsReleased: false })
        {
            return AlreadyHeld;
        }

        if (!_semaphore.Wait(maxWait))
        {
            throw new WriteGateTimeoutException(maxWait);
        }

        var holder = new Holder(_semaphore, metrics);
        holder.Acquired();
        _current.Value = holder;
        return holder;
    }

    private async ValueTask<IDisposable> WaitAsync(Holder holder, CancellationToken cancellationToken)
    {
        try
        {
            if (!await holder.Semaphore!.WaitAsync(maxWait, cancellationToken))
            {
                throw new WriteGateTimeoutException(maxWait);
            }

            holder.Acquired();
            return holder;
        }
        catch
        {
            holder.IsReleased = true;
            throw;
        }
    }

    private sealed class Holder(SemaphoreSlim? semaphore, PortalMetrics? metrics) : IDisposable
    {
        private readonly long _queuedAt = Stopwatch.GetTimestamp();
        private readonly string _writer = WriterName.Current;
        private long _acquiredAt;

        public SemaphoreSlim? Semaphore => semaphore;

        public bool IsAcquired { get; private set; }

        public bool IsReleased { get; set; }

        public void Acquired()
        {
            _acquiredAt = Stopwatch.GetTimestamp();
            IsAcquired = true;
        }

        public void Dispose()
        {
            if (semaphore is null || IsReleased)
            {
                return;
            }

            IsReleased = true;
            if (IsAcquired)
            {
                semaphore.Release();
                metrics?.WritePath(_writer, Stopwatch.GetElapsedTime(_queuedAt, _acquiredAt), Stopwatch.GetElapsedTime(_acquiredAt));
            }
        }
    }
}

/// <summary>The single write path stayed busy longer than a writer may wait: the write is not made and can be retried.</summary>
public sealed class WriteGateTimeoutException(TimeSpan waited)
    : TimeoutException($"The database write path stayed busy for more than {waited.TotalSeconds:0} s; nothing was written.");

internal sealed class OpenWriteGate : IWriteGate
{
    private sealed class Nothing : IDisposable
    {
        public void Dispose()
        {
        }
    }

    private static readonly Nothing None = new();

    public ValueTask<IDisposable> EnterAsync(CancellationToken cancellationToken) => ValueTask.FromResult<IDisposable>(None);

    public IDisposable Enter() => None;
}
