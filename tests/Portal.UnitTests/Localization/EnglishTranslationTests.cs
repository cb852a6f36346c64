using System.Reflection;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using Portal.Domain.Dossiers;
using Portal.Web.Features.Filing;
using Portal.Web.Infrastructure;

namespace Portal.UnitTests.Localization;

/// <summary>Vietnamese is the default language and the key; every key the UI uses must have its English.</summary>
public sealed partial class EnglishTranslationTests
{
    private static readonly string WebProject = Path.Combine(RepositoryFolder.Root, "src", "Portal.Web");

    [Fact]
    public void Every_Vietnamese_UI_string_has_an_English_translation()
    {
        var translated = XDocument.Load(Path.Combine(WebProject, "Resources", "SharedResource.en.resx"))
            .Root!.Elements("data").ToDictionary(d => (string)d.Attribute("name")!, d => (string)d.Element("value")!);

        var missing = UsedKeys().Where(k => !translated.TryGetValue(k, out var english) || string.IsNullOrWhiteSpace(english)).ToList();

        Assert.True(missing.Count == 0, "Missing English for: " + string.Join(" | ", missing));
    }

    [Fact]
    public void The_scan_finds_the_keys_of_views_code_statuses_and_field_messages()
    {
        var keys = UsedKeys();

        Assert.Contains("Nộp hồ sơ", keys);
        Assert.Contains(StatusText.For(DossierStatus.InProcess), keys);
        Assert.Contains(FieldMessages.Required, keys);
        Assert.True(keys.Count > 100, $"only {keys.Count} keys found");
    }

    private static HashSet<string> UsedKeys()
    {
        var sources = Directory.EnumerateFiles(WebProject, "*.*", SearchOption.AllDirectories)
            .Where(f => f.EndsWith(".cs", StringComparison.Ordinal) || f.EndsWith(".cshtml", StringComparison.Ordinal))
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal));
        var keys = sources.SelectMany(f => LocalizerKey().Matches(File.ReadAllText(f)).Select(m => m.Groups[1].Value)).ToHashSet();
        keys.UnionWith(Enum.GetValues<DossierStatus>().Select(StatusText.For));
        keys.UnionWith(Enum.GetValues<Timeliness>().Select(StatusText.For));
        keys.UnionWith(new[] { "dossier.transition.not-allowed", "dossier.reason.required", "dossier.payment.invalid", "other" }.Select(RuleMessages.For));
        keys.UnionWith(typeof(FieldMessages).GetFields(BindingFlags.Public | BindingFlags.Static).Select(f => (string)f.GetRawConstantValue()!));
        return keys;
    }

    [GeneratedRegex("(?<![A-Za-z])(?:L|l|localizer)\\[\\s*\"([^\"]+)\"")]
    private static partial Regex LocalizerKey();
}
