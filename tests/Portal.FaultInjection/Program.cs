using System.Globalization;
using Portal.FaultInjection;

// The fault-injection harness (docs/reliability.md):
//   dotnet run -c Release --project tests/Portal.FaultInjection                 the full run: 10 web kills, 10 processing kills,
//                                                                               5 RabbitMQ restarts, 5 SQLite busy periods
//   dotnet run -c Release --project tests/Portal.FaultInjection -- short        the test command's run (2, 2, 1, 2)
//   ... -- 10 10 5 5 [clients] [--out report.md]                               any counts
// Exit code 0 when the ledger check holds (0 lost, 0 duplicated, every check passed), 1 when it does not.
var arguments = args.ToList();
string? output = null;
var at = arguments.IndexOf("--out");
if (at >= 0)
{
    output = arguments[at + 1];
    arguments.RemoveRange(at, 2);
}

var numbers = arguments.Where(a => int.TryParse(a, CultureInfo.InvariantCulture, out _)).Select(a => int.Parse(a, CultureInfo.InvariantCulture)).ToArray();
var plan = arguments.Contains("short") ? FaultPlan.Short
    : numbers.Length >= 4 ? new FaultPlan(numbers[0], numbers[1], numbers[2], numbers[3]) { Clients = numbers.Length > 4 ? numbers[4] : 4 }
    : FaultPlan.Full;

var report = await new FaultHarness(plan, Console.Out).RunAsync();
var markdown = report.ToMarkdown();
Console.WriteLine();
Console.WriteLine(markdown);
if (output is not null)
{
    await File.WriteAllTextAsync(output, markdown);
}

return report.Valid ? 0 : 1;
