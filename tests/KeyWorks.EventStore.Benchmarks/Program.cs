using KeyWorks.EventStore.Benchmarks;

return args switch
{
    ["writer", var connection, var schema, var ackFile] => await ProcessModes.WriterAsync(connection, schema, ackFile),
    ["daemon", var connection, var schema] => await ProcessModes.DaemonAsync(connection, schema),
    ["bench", .. var rest] => await Benchmark.RunAsync(rest),
    _ => Usage(),
};

static int Usage()
{
    Console.Error.WriteLine("""
        usage:
          KeyWorks.EventStore.Benchmarks bench [--connection CS] [--rebuild-events N] [--stream-events N] [--seconds S]
          KeyWorks.EventStore.Benchmarks writer CONNECTION SCHEMA ACK_FILE   (used by the crash test)
          KeyWorks.EventStore.Benchmarks daemon CONNECTION SCHEMA            (used by the fail-over test)
        """);
    return 2;
}
