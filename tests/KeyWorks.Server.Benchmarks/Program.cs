using KeyWorks.Server.Benchmarks;

return await LoadBenchmark.RunAsync(args);
