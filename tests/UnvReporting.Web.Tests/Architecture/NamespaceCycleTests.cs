namespace UnvReporting.Web.Tests.Architecture;

/// <summary>
/// The dependency rules of docs/decisions/ADR-012, checked on the compiled web assembly: no two
/// namespaces use each other, however indirectly, and the platform uses no feature. A cycle means
/// neither side can be read, changed or moved without the other.
/// </summary>
public class NamespaceCycleTests
{
    private static readonly Lazy<NamespaceGraph> Graph = new(() => NamespaceGraph.Read(typeof(Program).Assembly.Location));

    [Fact]
    public void No_namespaces_of_the_web_project_use_each_other_in_a_circle()
    {
        var graph = Graph.Value;

        var cycles = graph.Cycles()
            .Select(cycle => string.Join(Environment.NewLine, cycle.SelectMany(from =>
                graph.Uses[from].Where(use => cycle.Contains(use.Key)).Select(use => $"  {from} → {use.Key}   ({use.Value})"))))
            .ToList();

        cycles.ShouldBeEmpty();
    }

    [Fact]
    public void The_platform_uses_no_feature()
    {
        var graph = Graph.Value;

        var uses = graph.Uses
            .Where(n => n.Key.StartsWith("UnvReporting.Web.Platform", StringComparison.Ordinal))
            .SelectMany(n => n.Value.Where(use => use.Key.StartsWith("UnvReporting.Web.Features", StringComparison.Ordinal)).Select(use => $"{n.Key} → {use.Key}   ({use.Value})"))
            .ToList();

        uses.ShouldBeEmpty();
    }

    // Without these, a reader that saw nothing would pass both tests above.
    [Fact]
    public void The_graph_sees_uses_through_signatures_IL_closures_and_views()
    {
        var uses = Graph.Value.Uses;

        uses["UnvReporting.Web.Features.Indicators"].ShouldContainKey("UnvReporting.Web.Platform.Data");
        uses["UnvReporting.Web.Platform.Data.Migrations.Sqlite"].ShouldContainKey("UnvReporting.Web.Platform.Data");
        uses["UnvReporting.Web.Features.Statistics"].ShouldContainKey("UnvReporting.Web.Platform.Text");
        uses["(global)"].ShouldContainKey("UnvReporting.Web.Platform.Hosting");
        uses.Keys.ShouldNotContain(ns => ns.StartsWith("AspNetCoreGeneratedDocument", StringComparison.Ordinal));
    }

    [Fact]
    public void A_circle_is_found_and_named()
    {
        var graph = new NamespaceGraph();
        graph.Uses["A"] = new() { ["B"] = "A.X → B.Y" };
        graph.Uses["B"] = new() { ["C"] = "B.Y → C.Z" };
        graph.Uses["C"] = new() { ["A"] = "C.Z → A.X" };
        graph.Uses["D"] = new() { ["A"] = "D.W → A.X" };

        graph.Cycles().ShouldHaveSingleItem().ShouldBe(["A", "B", "C"]);
    }
}
