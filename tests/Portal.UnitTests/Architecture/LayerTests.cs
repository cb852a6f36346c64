using NetArchTest.Rules;
using Portal.Domain.Dossiers;
using Portal.Infrastructure.Persistence;

namespace Portal.UnitTests.Architecture;

public sealed class LayerTests
{
    [Theory]
    [InlineData("Microsoft.EntityFrameworkCore")]
    [InlineData("MassTransit")]
    [InlineData("Microsoft.AspNetCore")]
    [InlineData("Portal.Infrastructure")]
    [InlineData("Portal.Web")]
    public void The_domain_depends_on_no_framework_or_outer_layer(string forbidden)
    {
        var result = Types.InAssembly(typeof(Dossier).Assembly).ShouldNot().HaveDependencyOn(forbidden).GetResult();

        Assert.True(result.IsSuccessful, $"{forbidden} is used by: {string.Join(", ", result.FailingTypeNames ?? [])}");
    }

    [Fact]
    public void The_domain_assembly_references_only_the_base_class_library()
    {
        var references = typeof(Dossier).Assembly.GetReferencedAssemblies().Select(a => a.Name!).ToList();

        Assert.All(references, name => Assert.True(name.StartsWith("System", StringComparison.Ordinal) || name == "netstandard", name));
    }

    [Fact]
    public void Infrastructure_does_not_depend_on_the_web_layer()
    {
        var result = Types.InAssembly(typeof(PortalDbContext).Assembly).ShouldNot().HaveDependencyOn("Portal.Web").GetResult();

        Assert.True(result.IsSuccessful);
    }
}
