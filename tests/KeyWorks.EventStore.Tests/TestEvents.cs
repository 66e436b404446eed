namespace KeyWorks.EventStore.Tests;

public sealed record AccountOpened(string Owner);

public sealed record Deposited(decimal Amount, DateOnly On);

public sealed record Withdrawn(decimal Amount);

public sealed record Account(string Owner, decimal Balance, int Movements)
{
    public static Account Create(AccountOpened opened) => new(opened.Owner, 0m, 0);

    public Account Apply(Deposited deposited) => this with { Balance = Balance + deposited.Amount, Movements = Movements + 1 };

    public Account Apply(Withdrawn withdrawn) => this with { Balance = Balance - withdrawn.Amount, Movements = Movements + 1 };
}

public static class TestEventTypes
{
    public static EventStoreOptions Register(EventStoreOptions options)
    {
        options.Events
            .Register<AccountOpened>("account-opened")
            .Register<Deposited>("deposited", d => d.On)
            .Register<Withdrawn>("withdrawn");
        return options;
    }
}
