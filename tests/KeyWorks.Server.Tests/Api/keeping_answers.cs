namespace KeyWorks.Server.Tests.Api;

/// <summary>
/// Answers of queries are kept per read-model position (<c>ResponseCache</c>): never across users, and never past an event.
/// </summary>
public sealed class keeping_answers(DemoServer demo) : IClassFixture<DemoServer>
{
    private const string Count = "{ projects(first: 1) { totalCount } }";

    [Fact]
    public async Task the_same_query_from_another_user_is_answered_for_that_user()
    {
        var office = await demo.LoginAsync("office-zhou", "office-demo");
        var contractor = await demo.LoginAsync("staff-3371d2db", "contractor-demo");

        var byOffice = await TotalAsync(office);
        var byContractor = await TotalAsync(contractor);
        var byOfficeAgain = await TotalAsync(office);

        Assert.True(byOffice >= 21, $"office sees {byOffice}");
        Assert.Equal(1, byContractor);
        Assert.Equal(byOffice, byOfficeAgain);
    }

    [Fact]
    public async Task after_a_mutation_the_same_query_answers_anew()
    {
        var office = await demo.LoginAsync("office-zhou", "office-demo");
        var before = await TotalAsync(office);
        Assert.Equal(before, await TotalAsync(office));

        var registered = await demo.PostAsync("""
            mutation($key: String!) {
              registerProject(input: {idempotencyKey: $key, programmeId: "Programme:gxq-2026", name: "缓存测试道路", category: ROAD,
                                      township: "文昌街道", totalInvestment: "10000000", plannedStart: "2026-12-01",
                                      plannedCompletion: "2027-12-31"}) { project { id } errors { code } }
            }
            """, new { key = Guid.NewGuid().ToString() }, office);
        Assert.Equal(0, registered.GetProperty("data").GetProperty("registerProject").GetProperty("errors").GetArrayLength());

        Assert.Equal(before + 1, await TotalAsync(office));
    }

    private async Task<int> TotalAsync(string token) =>
        (await demo.PostAsync(Count, token: token)).GetProperty("data").GetProperty("projects").GetProperty("totalCount").GetInt32();
}
