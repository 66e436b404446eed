namespace KeyWorks.GraphQL.Tests.Oracle;

/// <summary>
/// graphql-js <c>buildClientSchema</c> of our introspection result, printed, equals graphql-js
/// <c>buildSchema</c> of the same SDL, printed: introspection describes the schema completely.
/// </summary>
public sealed class introspection_round_trip
{
    public static TheoryData<string> Schemas
    {
        get
        {
            var data = new TheoryData<string>();
            foreach (var path in IntrospectionChecks.SchemaFiles())
            {
                data.Add(Path.GetFileName(path));
            }

            return data;
        }
    }

    [Theory]
    [MemberData(nameof(Schemas))]
    public void client_schema_from_our_introspection_prints_like_the_sdl(string file)
    {
        var check = GraphQLJsOracle.Instance.Introspection[file]!;

        Assert.Equal(check["expected"]!.GetValue<string>(), check["actual"]!.GetValue<string>());
    }
}
