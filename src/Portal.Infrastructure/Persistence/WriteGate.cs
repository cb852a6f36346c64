using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using System.Runtime.CompilerServices;

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

/// <summary>
/// Puts every SaveChanges on the write path (Identity's, seeding's, ours), so no writer bypasses
/// the gate. Inside a <see cref="UnitOfWork"/> the gate is already held and this is a no-op.
/// </summary>
internal sealed class WriteGateInterceptor(IWriteGate gate) : SaveChangesInterceptor
{
    private readonly ConditionalWeakTable<DbContext, IDisposable> _held = [];

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        _held.AddOrUpdate(eventData.Context!, gate.Enter());
        return result;
    }

    public override async ValueTask<InterceptionResult<int>> SavingChangesAsync(
        DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        _held.AddOrUpdate(eventData.Context!, await gate.EnterAsync(cancellationToken));
        return result;
    }

    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        Release(eventData.Context);
        return result;
    }

    public override ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        Release(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public override void SaveChangesFailed(DbContextErrorEventData eventData) => Release(eventData.Context);

    public override Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        Release(eventData.Context);
        return Task.CompletedTask;
    }

    public override void SaveChangesCanceled(DbContextEventData eventData) => Release(eventData.Context);

    public override Task SaveChangesCanceledAsync(DbContextEventData eventData, CancellationToken cancellationToken = default)
    {
        Release(eventData.Context);
        return Task.CompletedTask;
    }

    private void Release(DbContext? context)
    {
        if (context is not null && _held.TryGetValue(context, out var holder))
        {
            _held.Remove(context);
            holder.Dispose();
        }
    }
}
