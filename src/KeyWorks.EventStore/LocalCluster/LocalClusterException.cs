namespace KeyWorks.EventStore.LocalCluster;

/// <summary>The private cluster could not be created, started or stopped; the message says why in one line.</summary>
public sealed class LocalClusterException : Exception
{
    public LocalClusterException(string message) : base(message)
    {
    }

    public LocalClusterException(string message, Exception innerException) : base(message, innerException)
    {
    }
}
