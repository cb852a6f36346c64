using CsCheck;
using Portal.Domain.Catalogue;
using Portal.Domain.Fees;
using Portal.Infrastructure.ReferenceData;

namespace Portal.UnitTests.Fees;

/// <summary>Properties that hold for any filing, checked over thousands of generated ones (CsCheck).</summary>
public sealed class FeePropertyTests
{
    private static readonly IReadOnlyList<Procedure> Procedures = ReferenceDataFiles.Procedures();
    private static readonly IReadOnlyList<FeeRule> SeededRules = ReferenceDataFiles.FeeRules();

    private static readonly Gen<FeeContext> Filing =
        from channel in Gen.OneOf(FilingChannel.Direct, FilingChannel.Online, FilingChannel.Postal)
        from day in Gen.Int[new DateOnly(2024, 1, 1).DayNumber, new DateOnly(2027, 12, 31).DayNumber].Select(DateOnly.FromDayNumber)
        from categories in Gen.OneOf([.. ApplicantCategories.All]).HashSet[0, 3]
        from pages in Gen.Int[1, ScheduledFee.MaxUnits]
        from copies in Gen.Int[1, 50]
        from eventAge in Gen.Int[0, 400]
        select new FeeContext(channel, day, categories, new Dictionary<string, string>
        {
            ["pageCount"] = $"{pages}", ["copies"] = $"{copies}",
            ["childDateOfBirth"] = day.AddDays(-eventAge).ToString("yyyy-MM-dd"), ["dateOfDeath"] = day.AddDays(-eventAge).ToString("yyyy-MM-dd"),
        });

    private static readonly Gen<Procedure> AnyProcedure = Gen.Int[0, Procedures.Count - 1].Select(i => Procedures[i]);

    private static readonly Gen<FeeRule> AnyRule =
        from percent in Gen.Int[0, 100]
        from amount in Gen.Long[0, 300_000]
        from reduce in Gen.Bool
        from online in Gen.Bool
        select new FeeRule(Guid.NewGuid(), "Quy tắc thử", new LegalBasis("1/2026/TEST", new DateOnly(2026, 1, 1), "Thử", "Test"),
            new DateOnly(2024, 1, 1), null, new FeeRuleScope(online ? [FilingChannel.Online] : [], [], [], []),
            reduce ? FeeEffect.Reduce(amount) : FeeEffect.Waive(percent));

    [Fact]
    public void A_total_is_never_negative_nor_above_the_schedule_whatever_the_rules()
    {
        (from procedure in AnyProcedure from context in Filing from rules in AnyRule.List[0, 6] select (procedure, context, rules))
            .Sample(x =>
            {
                var fee = FeeAssessor.Assess(x.procedure, x.context, [.. SeededRules, .. x.rules]);
                return fee.TotalVnd >= 0 && fee.TotalVnd <= fee.BaseTotalVnd && fee.Lines.All(l => l.ReductionVnd >= 0 && l.AmountVnd >= 0);
            }, iter: 3000);
    }

    [Fact]
    public void Under_the_seeded_rules_every_online_filing_from_24_June_2025_costs_nothing()
    {
        (from procedure in AnyProcedure from context in Filing select (procedure, context))
            .Where(x => x.context.Channel == FilingChannel.Online && x.context.FiledOn >= new DateOnly(2025, 6, 24))
            .Sample(x => FeeAssessor.Assess(x.procedure, x.context, SeededRules).TotalVnd == 0, iter: 3000);
    }

    [Fact]
    public void Assessing_again_or_with_the_rules_in_another_order_gives_the_same_result()
    {
        (from procedure in AnyProcedure from context in Filing from rules in AnyRule.List[0, 6] select (procedure, context, rules))
            .Sample(x =>
            {
                var all = SeededRules.Concat(x.rules).ToList();
                var first = FeeAssessor.Assess(x.procedure, x.context, all);
                var again = FeeAssessor.Assess(x.procedure, x.context, all);
                var reversed = FeeAssessor.Assess(x.procedure, x.context, Enumerable.Reverse(all));
                return first.TotalVnd == again.TotalVnd && first.TotalVnd == reversed.TotalVnd
                    && first.Lines.SequenceEqual(again.Lines) && first.Lines.SequenceEqual(reversed.Lines);
            }, iter: 2000);
    }

    [Fact]
    public void Several_rules_never_stack_the_citizen_gets_the_single_most_favourable()
    {
        (from procedure in AnyProcedure from context in Filing from rules in AnyRule.List[1, 6] select (procedure, context, rules))
            .Sample(x =>
            {
                var fee = FeeAssessor.Assess(x.procedure, x.context, x.rules);
                return fee.Lines.All(line => line.ReductionVnd == x.rules
                    .Where(r => r.IsInForceOn(x.context.FiledOn))
                    .Select(r => r.Scope.Covers(x.procedure, x.procedure.FeesFor(x.context.Channel).First(f => f.NameVi == line.NameVi), x.context) ? r.Effect.ReductionOf(line.BaseAmountVnd) : 0)
                    .DefaultIfEmpty(0).Max());
            }, iter: 2000);
    }

    [Fact]
    public void A_rule_changed_or_retired_after_filing_leaves_the_frozen_assessment_untouched()
    {
        var json = new System.Text.Json.JsonSerializerOptions(System.Text.Json.JsonSerializerDefaults.Web)
        {
            IgnoreReadOnlyProperties = true,
            Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() },
        };
        (from procedure in AnyProcedure from context in Filing from extra in AnyRule.List[0, 3] from change in AnyRule from retire in Gen.Bool from which in Gen.Int[0, 99]
         select (procedure, context, extra, change, retire, which))
            .Sample(x =>
            {
                // Rules as the database holds them (fresh instances), the assessment frozen as the dossier stores it (JSON).
                List<FeeRule> rules = [.. ReferenceDataFiles.FeeRules(), .. x.extra];
                var assessment = FeeAssessor.Assess(x.procedure, x.context, rules);
                var frozen = System.Text.Json.JsonSerializer.Serialize(assessment, json);
                var rule = rules[x.which % rules.Count];
                if (x.retire)
                {
                    rule.Retire(x.context.FiledOn.AddDays(-1));
                }
                else
                {
                    rule.Change(x.change.Name, x.change.LegalBasis, x.change.EffectiveFrom, x.change.EffectiveTo, x.change.Scope, x.change.Effect);
                }

                // Nothing in the assessment refers back to a rule object, and the stored copy reads back the same.
                var stored = System.Text.Json.JsonSerializer.Deserialize<FeeAssessment>(frozen, json)!;
                return System.Text.Json.JsonSerializer.Serialize(assessment, json) == frozen
                    && System.Text.Json.JsonSerializer.Serialize(stored, json) == frozen
                    && stored.TotalVnd == assessment.TotalVnd && stored.AppliedRules.SequenceEqual(assessment.AppliedRules);
            }, iter: 500);
    }
}
