using KeyWorks.EventStore.Events;
using KeyWorks.Testing;

namespace KeyWorks.EventStore.Tests.Subscriptions;

public sealed class subscribing_to_new_events(TestDatabase database) : IClassFixture<TestDatabase>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task a_subscriber_catches_up_then_receives_new_events_in_global_order()
    {
        await using var dataSource = Stores.DataSource(database);
        var store = await Stores.CreateAsync(dataSource, o =>
        {
            o.ReadPageSize = 4;
            o.PollInterval = TimeSpan.FromSeconds(30);
        });
        for (var i = 0; i < 5; i++)
        {
            await using var session = store.OpenSession();
            session.Append("old", new Withdrawn(i), new Withdrawn(i));
            await session.SaveChangesAsync(Ct);
        }

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        timeout.CancelAfter(TimeSpan.FromSeconds(20));
        var received = new List<EventEnvelope>();
        var subscriber = Task.Run(async () =>
        {
            await foreach (var e in store.SubscribeAsync(3, cancellationToken: timeout.Token))
            {
                received.Add(e);
                if (e.Position == 20)
                {
                    break;
                }
            }
        }, Ct);

        await Task.Delay(300, Ct);
        for (var i = 0; i < 5; i++)
        {
            await using var session = store.OpenSession();
            session.Append($"new{i}", new Withdrawn(i), new Withdrawn(i));
            await session.SaveChangesAsync(Ct);
        }

        // The poll interval is 30 s, so arriving well within the timeout proves the notification woke the feed.
        await subscriber;
        Assert.Equal(Enumerable.Range(4, 17).Select(i => (long)i), received.Select(e => e.Position));
    }

    [Fact]
    public async Task a_subscriber_can_follow_only_some_event_types()
    {
        await using var dataSource = Stores.DataSource(database);
        var store = await Stores.CreateAsync(dataSource);
        await using (var session = store.OpenSession())
        {
            session.Append("a", new AccountOpened("A"), new Withdrawn(1m), new AccountOpened("B"));
            await session.SaveChangesAsync(Ct);
        }

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        timeout.CancelAfter(TimeSpan.FromSeconds(20));
        var owners = new List<string>();
        await foreach (var e in store.SubscribeAsync(0, ["account-opened"], timeout.Token))
        {
            owners.Add(((AccountOpened)e.Data).Owner);
            if (owners.Count == 2)
            {
                break;
            }
        }

        Assert.Equal(["A", "B"], owners);
    }
}
