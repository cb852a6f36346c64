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

internal sealed class SerialWriteGate : IWriteGate, IDisposable
{
    private static readonly IDisposable AlreadyHeld = new Holder(null);
    private readonly SemaphoreSlim _semaphore = new(1, 1);
    private readonly AsyncLocal<Holder?> _current = new();

    // Not async: the AsyncLocal assignment must be visible to the caller's flow, which an async
    // method would hide when it returns.
    public ValueTask<IDisposable> EnterAsync(CancellationToken cancellationToken)
    {
        if (_current.Value is { IsReleased: false })
        {
            return ValueTask.FromResult(AlreadyHeld);
        }

        var holder = new Holder(_semaphore);
        _current.Value = holder;
        return WaitAsync(holder, cancellationToken);
    }

    public IDisposable Enter()
    {
        if (_current.Value is { IsReleased: false })
        {
            return AlreadyHeld;
        }

        _semaphore.Wait();
        var holder = new Holder(_semaphore) { IsAcquired = true };
        _current.Value = holder;
        return holder;
    }

    public void Dispose() => _semaphore.Dispose();

    private static async ValueTask<IDisposable> WaitAsync(Holder holder, CancellationToken cancellationToken)
    {
        try
        {
            await holder.Semaphore!.WaitAsync(cancellationToken);
            holder.IsAcquired = true;
            return holder;
        }
        catch
        {
            holder.IsReleased = true;
            throw;
        }
    }

    private sealed class Holder(SemaphoreSlim? semaphore) : IDisposable
    {
        public SemaphoreSlim? Semaphore => semaphore;

        public bool IsAcquired { get; set; }

        public bool IsReleased { get; set; }

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
            }
        }
    }
}

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
