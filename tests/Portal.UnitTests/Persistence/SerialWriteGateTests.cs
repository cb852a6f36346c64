using System.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection;
using Portal.Infrastructure.Observability;
using Portal.Infrastructure.Persistence;

namespace Portal.UnitTests.Persistence;

public sealed class SerialWriteGateTests
{
    [Fact]
    public async Task Only_one_writer_holds_the_gate_at_a_time()
    {
        var gate = new SerialWriteGate();
        var inside = 0;
        var maximum = 0;

        await Task.WhenAll(Enumerable.Range(0, 32).Select(_ => Task.Run(async () =>
        {
            using (await gate.EnterAsync(CancellationToken.None))
            {
                var now = Interlocked.Increment(ref inside);
                InterlockedMax(ref maximum, now);
                await Task.Yield();
                Interlocked.Decrement(ref inside);
            }
        })));

        Assert.Equal(1, maximum);
    }

    [Fact]
    public async Task The_holder_can_enter_again_so_a_unit_of_work_can_save_inside_it()
    {
        var gate = new SerialWriteGate();

        using (await gate.EnterAsync(CancellationToken.None))
        {
            var nested = gate.EnterAsync(CancellationToken.None);
            Assert.True(nested.IsCompletedSuccessfully);
            (await nested).Dispose();
            Assert.True(gate.Enter() is not null);
        }

        // Released: another flow gets in at once.
        var other = await Task.Run(() => gate.EnterAsync(CancellationToken.None).AsTask());
        other.Dispose();
    }

    [Fact]
    public async Task A_cancelled_wait_does_not_leave_the_gate_closed()
    {
        var gate = new SerialWriteGate();
        var held = await Task.Run(() => gate.EnterAsync(CancellationToken.None).AsTask());
        using var cancel = new CancellationTokenSource();
        var waiting = Task.Run(() => gate.EnterAsync(cancel.Token).AsTask());

        await cancel.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => waiting);
        held.Dispose();

        var next = await Task.Run(() => gate.EnterAsync(CancellationToken.None).AsTask());
        next.Dispose();
    }

    [Fact]
    public async Task A_writer_waits_a_bounded_time_then_fails_clearly_and_the_gate_still_works()
    {
        var gate = new SerialWriteGate(TimeSpan.FromMilliseconds(100));
        var held = await Task.Run(() => gate.EnterAsync(CancellationToken.None).AsTask());

        var error = await Assert.ThrowsAsync<WriteGateTimeoutException>(() => Task.Run(() => gate.EnterAsync(CancellationToken.None).AsTask()));
        Assert.Contains("nothing was written", error.Message, StringComparison.Ordinal);
        Assert.Throws<WriteGateTimeoutException>(() => Task.Run(gate.Enter).GetAwaiter().GetResult());

        held.Dispose();
        var next = await Task.Run(() => gate.EnterAsync(CancellationToken.None).AsTask());
        next.Dispose();
    }

    [Fact]
    public async Task Each_turn_is_measured_with_the_writer_that_took_it()
    {
        using var services = new ServiceCollection().AddMetrics().BuildServiceProvider();
        using var metrics = new PortalMetrics(services.GetRequiredService<IMeterFactory>());
        var gate = new SerialWriteGate(metrics);
        var turns = new List<(string Instrument, double Seconds, string? Writer)>();
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter.Name == PortalMetrics.MeterName && instrument.Name.StartsWith("portal.write_path.", StringComparison.Ordinal))
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<double>((instrument, value, tags, _) =>
        {
            lock (turns)
            {
                turns.Add((instrument.Name, value, tags.ToArray().Single(t => t.Key == "writer").Value as string));
            }
        });
        listener.Start();

        await Task.Run(async () =>
        {
            WriterName.Set("web");
            using (await gate.EnterAsync(CancellationToken.None))
            {
                await Task.Delay(20);
            }
        });
        await Task.Run(() => gate.Enter().Dispose());

        Assert.Equal(
            [("portal.write_path.wait", "web"), ("portal.write_path.held", "web"), ("portal.write_path.wait", "other"), ("portal.write_path.held", "other")],
            turns.Select(t => (t.Instrument, t.Writer!)));
        Assert.True(turns[1].Seconds >= 0.015, $"held {turns[1].Seconds} s inside a 20 ms turn");
    }

    private static void InterlockedMax(ref int target, int value)
    {
        int current;
        while ((current = Volatile.Read(ref target)) < value && Interlocked.CompareExchange(ref target, value, current) != current)
        {
        }
    }
}
