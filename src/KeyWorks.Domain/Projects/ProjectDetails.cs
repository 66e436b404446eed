namespace KeyWorks.Domain.Projects;

public enum ProjectCategory
{
    Road,
    Bridge,
    RiverRegulation,
    Water,
    PublicBuilding,
    ElderlyCare,
    Education,
    ResettlementHousing,
    Industrial,
}

public enum ProjectStatus
{
    Active,
    Suspended,
    Completed,
}

/// <summary>
/// What a project is: name, category, township or street, scale in words ("3279 m"), total investment (yuan),
/// investment completed before the programme's first reported month (yuan), planned start and completion, and the
/// construction content in words (建设内容, optional).
/// </summary>
public sealed record ProjectDetails(
    string Name,
    ProjectCategory Category,
    string Township,
    string Scale,
    decimal TotalInvestment,
    decimal PriorCompletedInvestment,
    DateOnly PlannedStart,
    DateOnly PlannedCompletion,
    string? Description = null);

/// <summary>Who answers for a project: the assigned leader (分包领导), the lead unit, the responsible unit, the contractors.</summary>
public sealed record Responsibility(
    string LeaderId,
    string LeaderName,
    string LeadUnit,
    string ResponsibleUnit,
    IReadOnlyList<string> Contractors);

public static class CategoryNames
{
    public static string Chinese(ProjectCategory category) => category switch
    {
        ProjectCategory.Road => "道路",
        ProjectCategory.Bridge => "桥梁",
        ProjectCategory.RiverRegulation => "河道治理",
        ProjectCategory.Water => "水务",
        ProjectCategory.PublicBuilding => "公建",
        ProjectCategory.ElderlyCare => "养老",
        ProjectCategory.Education => "教育",
        ProjectCategory.ResettlementHousing => "安置房",
        ProjectCategory.Industrial => "产业",
        _ => category.ToString(),
    };
}
