namespace KeyWorks.Domain.Projects;

internal static class ProjectRules
{
    /// <summary>Reports are taken only from active projects.</summary>
    public static void AcceptsReports(ProjectState project)
    {
        if (project.Status == ProjectStatus.Suspended)
            throw Rules.Reject(ErrorCodes.ProjectSuspended, $"Project {project.Details.Name} is suspended; reports are not taken（项目已暂停）", "projectId");
        if (project.Status == ProjectStatus.Completed)
            throw Rules.Reject(ErrorCodes.ProjectCompleted, $"Project {project.Details.Name} is completed; reports are not taken（项目已完成）", "projectId");
    }

    public static void ValidDetails(ProjectDetails details)
    {
        Rules.Text(details.Name, "name");
        Rules.Text(details.Township, "township");
        Rules.NotNegative(details.TotalInvestment, "totalInvestment");
        Rules.NotNegative(details.PriorCompletedInvestment, "priorCompletedInvestment");
        if (details.PlannedCompletion < details.PlannedStart)
            throw Rules.Reject(ErrorCodes.InvalidDates, "Planned completion is before planned start（计划竣工早于计划开工）", "plannedCompletion");
    }
}
