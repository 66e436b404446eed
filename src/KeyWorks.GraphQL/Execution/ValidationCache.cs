using System.Runtime.CompilerServices;
using KeyWorks.GraphQL.Language;
using KeyWorks.GraphQL.Types;
using KeyWorks.GraphQL.Validation;

namespace KeyWorks.GraphQL.Execution;

/// <summary>Validation outcomes kept with the (cached) document they belong to, so a repeated query is validated once.</summary>
internal static class ValidationCache
{
    private static readonly ConditionalWeakTable<DocumentNode, Tuple<Schema, IReadOnlyList<GraphQLError>>> Results = [];

    public static IReadOnlyList<GraphQLError> Validate(Schema schema, DocumentNode document)
    {
        if (Results.TryGetValue(document, out var cached) && ReferenceEquals(cached.Item1, schema))
        {
            return cached.Item2;
        }

        var errors = DocumentValidator.Validate(schema, document);
        Results.AddOrUpdate(document, Tuple.Create(schema, errors));
        return errors;
    }
}
