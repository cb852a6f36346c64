namespace Portal.Infrastructure.Persistence;

/// <summary>
/// The single in-process write path. SQLite allows one writer at a time; queuing writers here (in
/// arrival order) instead of letting them spin on SQLITE_BUSY keeps tail latency low. SQL Server
/// handles concurrent writers itself, so its gate is open.
/// </summary>
public interface IWriteGate
{
    ValueTask<IDisposable> EnterAsync(CancellationToken cancellationToken);
}

internal sealed class SerialWriteGate : IWriteGate, IDisposable
{
    private readonly SemaphoreSlim _semaphore = new(1, 1);

    public async ValueTask<IDisposable> EnterAsync(CancellationToken cancellationToken)
    {
        await _semaphore.WaitAsync(cancellationToken);
        return new Release(_semaphore);
    }

    public void Dispose() => _semaphore.Dispose();

    private sealed class Release(SemaphoreSlim semaphore) : IDisposable
    {
        private int _released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0)
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
}
