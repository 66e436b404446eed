using KeyWorks.Server.Tests.Api.Mutations;

namespace KeyWorks.Server.Tests.Security;

/// <summary>
/// The event log cannot be altered: the database refuses UPDATE, DELETE and TRUNCATE of the event tables whoever sends
/// them (the store's append-only triggers), and the API has no path to them (every mutation only appends: see
/// <see cref="storing_hostile_text"/>, which compares the history before and after each mutation).
/// </summary>
[Collection(SecurityChecks.Name)]
public sealed class keeping_the_event_history(SecurityServer server)
{
    private readonly EventLog _log = new(server.ConnectionString);

    [Theory]
    [InlineData("UPDATE keyworks.event_rows SET data = '{\"name\":\"篡改\"}' WHERE seq = 1")]
    [InlineData("UPDATE keyworks.event_rows SET user_name = 'office-zhou' WHERE false")]
    [InlineData("DELETE FROM keyworks.event_rows WHERE type = 'project-registered'")]
    [InlineData("TRUNCATE keyworks.event_rows CASCADE")]
    [InlineData("UPDATE keyworks.event_batches SET recorded_at = recorded_at - interval '1 day'")]
    [InlineData("DELETE FROM keyworks.event_batches")]
    [InlineData("TRUNCATE keyworks.event_batches CASCADE")]
    public async Task the_database_refuses_to_change_or_remove_recorded_events(string statement)
    {
        var head = await _log.HeadAsync();
        var digest = await _log.DigestAsync(head);

        var refused = await _log.TryExecuteAsync(statement);

        Assert.Equal("23001", refused);
        Assert.Equal(head, await _log.HeadAsync());
        Assert.Equal(digest, await _log.DigestAsync(head));
    }

    [Fact]
    public async Task appending_still_works_with_the_log_append_only()
    {
        var scenario = new Scenario(server);
        var before = await _log.HeadAsync();

        await scenario.FreshProjectAsync(contractorsOwn: true);

        Assert.True(await _log.HeadAsync() > before);
    }
}
