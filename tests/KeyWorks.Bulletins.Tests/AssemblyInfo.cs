using KeyWorks.Testing;

[assembly: AssemblyFixture(typeof(PostgresClusterFixture))]
