using BenchmarkDotNet.Attributes;
using Portal.Domain.Catalogue;
using Portal.Domain.Fees;
using Portal.Infrastructure.ReferenceData;

namespace Portal.Benchmarks;

/// <summary>One fee assessment with the seeded rules (as at filing), for a flat fee and for a tiered, capped per-page charge.</summary>
[MemoryDiagnoser]
public class FeeAssessmentBenchmarks
{
    private Procedure _residence = null!;
    private Procedure _certifiedCopy = null!;
    private IReadOnlyList<FeeRule> _rules = null!;
    private FeeContext _online = null!;
    private FeeContext _counterCopies = null!;

    [GlobalSetup]
    public void Setup()
    {
        var procedures = ReferenceDataFiles.Procedures();
        _residence = procedures.Single(p => p.Code == "1.004222");
        _certifiedCopy = procedures.Single(p => p.Code == "2.000815");
        _rules = ReferenceDataFiles.FeeRules();
        _online = FeeContext.Simple(FilingChannel.Online, new DateOnly(2026, 11, 26));
        _counterCopies = new FeeContext(
            FilingChannel.Direct, new DateOnly(2026, 11, 26), new HashSet<string> { ApplicantCategories.PoorHousehold },
            new Dictionary<string, string> { ["pageCount"] = "37", ["copies"] = "3" });
    }

    [Benchmark(Baseline = true)]
    public long OnlineResidenceRegistration() => FeeAssessor.Assess(_residence, _online, _rules).TotalVnd;

    [Benchmark]
    public long CounterCertifiedCopiesTiered() => FeeAssessor.Assess(_certifiedCopy, _counterCopies, _rules).TotalVnd;
}
