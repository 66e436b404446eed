using System.Text.Json.Nodes;

namespace KeyWorks.GraphQL.Tests.Oracle;

/// <summary>Schemas whose introspection result graphql-js rebuilds and prints, to compare with its own build of the SDL.</summary>
public static class IntrospectionChecks
{
    public static IEnumerable<(string Id, string Sdl, JsonNode Result)> Results() => [];
}
