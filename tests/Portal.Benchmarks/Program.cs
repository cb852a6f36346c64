using BenchmarkDotNet.Running;
using Portal.Benchmarks;

// Micro-benchmarks:   dotnet run -c Release --project tests/Portal.Benchmarks -- --filter '*'
// Bus pipeline:       dotnet run -c Release --project tests/Portal.Benchmarks -- pipeline [InMemory|RabbitMq] [dossiers]
// Worklist:           dotnet run -c Release --project tests/Portal.Benchmarks -- worklist [dossiers] [requests]
// Large data:         dotnet run -c Release --project tests/Portal.Benchmarks -- seed [dossiers]
// Dashboard:          dotnet run -c Release --project tests/Portal.Benchmarks -- dashboard [dossiers] [requests]
// Load (HTTP API):    dotnet run -c Release --project tests/Portal.Benchmarks -- load [InMemory|RabbitMq] [rate/s] [seconds] [citizens] [clients] [warm-up seconds] [Key=Value …]
// (see docs/benchmarks.md)
if (args.Length > 0 && args[0] is "seed" or "dashboard")
{
    return await DashboardBenchmark.RunAsync(
        args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 100_000,
        args.Length > 2 ? int.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture) : 100,
        measure: args[0] == "dashboard");
}

if (args.Length > 0 && args[0] == "worklist")
{
    return await WorklistBenchmark.RunAsync(
        args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 100_000,
        args.Length > 2 ? int.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture) : 300);
}

if (args.Length > 0 && args[0] == "load")
{
    var numbers = args.Skip(2).Where(a => !a.Contains('=', StringComparison.Ordinal)).Select(a => int.Parse(a, System.Globalization.CultureInfo.InvariantCulture)).ToArray();
    int Arg(int index, int fallback) => numbers.Length > index ? numbers[index] : fallback;
    return await LoadBenchmark.RunAsync(args.Length > 1 ? args[1] : "InMemory", Arg(0, 200), Arg(1, 60), Arg(2, 20), Arg(3, 64), Arg(4, 30), args.Where(a => a.Contains('=', StringComparison.Ordinal)));
}

if (args.Length > 0 && args[0] == "pipeline")
{
    return await PipelineBenchmark.RunAsync(args.Length > 1 ? args[1] : "InMemory", args.Length > 2 ? int.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture) : 2000);
}

BenchmarkSwitcher.FromAssembly(typeof(FeeAssessmentBenchmarks).Assembly).Run(args);
return 0;
