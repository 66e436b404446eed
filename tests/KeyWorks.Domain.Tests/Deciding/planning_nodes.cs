using KeyWorks.Domain.Projects;
using static KeyWorks.Domain.Tests.Fixtures;
using static KeyWorks.Domain.Tests.GivenWhenThen;

namespace KeyWorks.Domain.Tests.Deciding;

public sealed class planning_nodes
{
    private static readonly NodePlanned Land = Node(StandardNodes.Land, 3, 31);
    private static readonly NodePlanned Start = Node(StandardNodes.Start, 4, 30);

    [Fact]
    public void planning_a_node_records_it() =>
        Given(Basics)
            .When(new PlanNode(Project, StandardNodes.Land, "征迁交地", 20, new DateOnly(2026, 3, 31), "区住建局"))
            .Then(Land);

    [Fact]
    public void a_node_date_before_the_previous_node_fails() =>
        Given(Basics).And(Land)
            .When(new PlanNode(Project, StandardNodes.Start, "开工建设", 30, new DateOnly(2026, 3, 30), "区住建局"))
            .ThenFails(ErrorCodes.NodeDateBeforePrevious);

    [Fact]
    public void a_node_on_the_same_date_as_the_previous_node_is_accepted() =>
        Given(Basics).And(Land)
            .When(new PlanNode(Project, StandardNodes.Start, "开工建设", 30, new DateOnly(2026, 3, 31), "区住建局"))
            .Then(new NodePlanned(Project, StandardNodes.Start, "开工建设", 30, new DateOnly(2026, 3, 31), "区住建局"));

    [Fact]
    public void a_node_date_after_the_next_node_fails() =>
        Given(Basics).And(Start)
            .When(new PlanNode(Project, StandardNodes.Land, "征迁交地", 20, new DateOnly(2026, 5, 1), "区住建局"))
            .ThenFails(ErrorCodes.NodeDateAfterNext);

    [Fact]
    public void a_custom_node_fits_between_standard_nodes() =>
        Given(Basics).And(Land, Start)
            .When(new PlanNode(Project, "culverts", "箱涵主体完工", 25, new DateOnly(2026, 4, 15), "区住建局"))
            .Then(new NodePlanned(Project, "culverts", "箱涵主体完工", 25, new DateOnly(2026, 4, 15), "区住建局"));

    [Fact]
    public void planning_the_same_node_twice_fails() =>
        Given(Basics).And(Land)
            .When(new PlanNode(Project, StandardNodes.Land, "征迁交地", 20, new DateOnly(2026, 4, 1), "区住建局"))
            .ThenFails(ErrorCodes.NodeAlreadyPlanned);

    [Fact]
    public void two_nodes_may_not_share_a_sequence() =>
        Given(Basics).And(Land)
            .When(new PlanNode(Project, "other", "其他", 20, new DateOnly(2026, 4, 1), "区住建局"))
            .ThenFails(ErrorCodes.NodeSequenceTaken);

    [Fact]
    public void replanning_records_the_previous_date_and_the_reason() =>
        Given(Basics).And(Land, Start)
            .When(new ReplanNode(Project, StandardNodes.Start, new DateOnly(2026, 6, 30), "征迁滞后"))
            .Then(new NodeReplanned(Project, StandardNodes.Start, new DateOnly(2026, 4, 30), new DateOnly(2026, 6, 30), "征迁滞后"));

    [Fact]
    public void replanning_before_the_previous_node_fails() =>
        Given(Basics).And(Land, Start)
            .When(new ReplanNode(Project, StandardNodes.Start, new DateOnly(2026, 3, 1), "提前"))
            .ThenFails(ErrorCodes.NodeDateBeforePrevious);

    [Fact]
    public void replanning_without_a_reason_fails() =>
        Given(Basics).And(Land)
            .When(new ReplanNode(Project, StandardNodes.Land, new DateOnly(2026, 4, 30), ""))
            .ThenFails(ErrorCodes.Required);

    [Fact]
    public void replanning_an_unknown_node_fails() =>
        Given(Basics)
            .When(new ReplanNode(Project, StandardNodes.Land, new DateOnly(2026, 4, 30), "顺延"))
            .ThenFails(ErrorCodes.NodeNotFound);

    [Fact]
    public void replanning_a_reached_node_fails() =>
        Given(Basics).And(Land, new NodeReportConfirmed(Project, StandardNodes.Land, new DateOnly(2026, 3, 30), Office.UserId))
            .When(new ReplanNode(Project, StandardNodes.Land, new DateOnly(2026, 4, 30), "顺延"))
            .ThenFails(ErrorCodes.NodeAlreadyReached);

    [Fact]
    public void a_contractor_may_not_plan_nodes() =>
        Given(Basics)
            .When(new PlanNode(Project, StandardNodes.Land, "征迁交地", 20, new DateOnly(2026, 3, 31), "区住建局"), Contractor)
            .ThenFails(ErrorCodes.Forbidden);
}
