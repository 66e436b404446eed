namespace KeyWorks.EventStore.Events;

/// <summary>What an append expects of its stream's current version.</summary>
public readonly record struct ExpectedVersion
{
    private ExpectedVersion(ExpectedVersionKind kind, long value)
    {
        Kind = kind;
        Value = value;
    }

    public ExpectedVersionKind Kind { get; }

    /// <summary>The exact version expected, when <see cref="Kind"/> is <see cref="ExpectedVersionKind.Exact"/>.</summary>
    public long Value { get; }

    /// <summary>Append whatever the stream's state; create it if missing.</summary>
    public static ExpectedVersion Any { get; } = new(ExpectedVersionKind.Any, 0);

    /// <summary>The stream must not exist yet.</summary>
    public static ExpectedVersion NoStream { get; } = new(ExpectedVersionKind.NoStream, 0);

    /// <summary>The stream must exist, at any version.</summary>
    public static ExpectedVersion StreamExists { get; } = new(ExpectedVersionKind.StreamExists, 0);

    /// <summary>The stream must be exactly at <paramref name="version"/> (0 means it must not exist).</summary>
    public static ExpectedVersion Exact(long version)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(version);
        return version == 0 ? NoStream : new(ExpectedVersionKind.Exact, version);
    }

    public override string ToString() => Kind == ExpectedVersionKind.Exact ? Value.ToString(System.Globalization.CultureInfo.InvariantCulture) : Kind.ToString();
}

/// <summary>The kinds of expectation an append can have.</summary>
public enum ExpectedVersionKind
{
    Any = 0,
    NoStream = 1,
    StreamExists = 2,
    Exact = 3,
}
