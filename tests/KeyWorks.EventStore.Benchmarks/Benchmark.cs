namespace KeyWorks.EventStore.Benchmarks;

public static class Benchmark
{
    public static Task<int> RunAsync(string[] args) => Task.FromResult(args.Length);
}
