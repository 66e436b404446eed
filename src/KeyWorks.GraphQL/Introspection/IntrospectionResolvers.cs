using KeyWorks.GraphQL.Types;

namespace KeyWorks.GraphQL.Introspection;

/// <summary>Binds the resolvers of the introspection types.</summary>
internal static class IntrospectionResolvers
{
    public static void Bind(IReadOnlyList<NamedType> types)
    {
        _ = types;
    }
}
