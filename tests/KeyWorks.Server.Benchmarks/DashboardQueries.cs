namespace KeyWorks.Server.Benchmarks;

/// <summary>
/// The dashboard's two busiest documents as it sends them (<c>src/KeyWorks.Dashboard/src/api/documents</c>: overview.ts
/// <c>OverviewQuery</c>, projects.ts <c>ProjectListQuery</c>), with their fragments written out.
/// </summary>
internal static class DashboardQueries
{
    private const string Figures = """
        asOfDate totalInvestment annualPlan plannedToDate completedThisYear completedThisMonth
        completedSinceStart annualCompletionRate totalCompletionRate timeProgress progressGap light
        """;

    private const string Group = "name projectCount figures { annualPlan completedThisYear annualCompletionRate timeProgress progressGap }";

    private const string Ranking = "rank name projectId unitId score annualCompletionRate nodePunctuality problemClosingRate inspectionScore flag";

    public const string Overview = $$"""
        query Overview($programmeId: ID, $asOf: DateTime, $period: RankingPeriod) {
          overview(programmeId: $programmeId, asOf: $asOf) {
            programme { id name year district office }
            asOfDate
            projectCount
            startedCount
            plannedStartCount
            startRate
            figures { {{Figures}} }
            completionRateChange
            byCategory { {{Group}} }
            byTownship { {{Group}} }
            lights { light count }
            overdueProblemCount
            problemsRaised
            problemsClosed
            monthlySeries { month planned actual plannedCumulative actualCumulative }
            ranking(period: $period) {
              period label formula
              projects { {{Ranking}} }
              units { {{Ranking}} }
            }
          }
        }
        """;

    public const string ProjectList = $$"""
        query ProjectList($first: Int, $after: String, $filter: ProjectFilter, $orderBy: ProjectOrder, $asOf: DateTime) {
          projects(first: $first, after: $after, filter: $filter, orderBy: $orderBy, asOf: $asOf) {
            totalCount
            pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
            nodes {
              id name category township status
              leader { name }
              responsibleUnit { name }
              figures { {{Figures}} physicalProgress }
            }
          }
        }
        """;
}
