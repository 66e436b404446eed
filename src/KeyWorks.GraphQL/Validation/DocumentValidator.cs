using KeyWorks.GraphQL.Language;
using KeyWorks.GraphQL.Types;
using KeyWorks.GraphQL.Validation.Rules;

namespace KeyWorks.GraphQL.Validation;

/// <summary>
/// Validates an executable document against a schema with the rules of spec section 5, the same rules the
/// reference implementation lists as <c>specifiedRules</c>, plus its introspection depth limit.
/// </summary>
public static class DocumentValidator
{
    /// <summary>The rules, in the order the reference implementation runs them.</summary>
    public static IReadOnlyList<Func<ValidationRule>> SpecifiedRules { get; } =
    [
        () => new ExecutableDefinitionsRule(),
        () => new UniqueOperationNamesRule(),
        () => new LoneAnonymousOperationRule(),
        () => new SingleFieldSubscriptionsRule(),
        () => new KnownTypeNamesRule(),
        () => new FragmentsOnCompositeTypesRule(),
        () => new VariablesAreInputTypesRule(),
        () => new ScalarLeafsRule(),
        () => new FieldsOnCorrectTypeRule(),
        () => new UniqueFragmentNamesRule(),
        () => new KnownFragmentNamesRule(),
        () => new NoUnusedFragmentsRule(),
        () => new PossibleFragmentSpreadsRule(),
        () => new NoFragmentCyclesRule(),
        () => new UniqueVariableNamesRule(),
        () => new NoUndefinedVariablesRule(),
        () => new NoUnusedVariablesRule(),
        () => new KnownDirectivesRule(),
        () => new UniqueDirectivesPerLocationRule(),
        () => new KnownArgumentNamesRule(),
        () => new UniqueArgumentNamesRule(),
        () => new ValuesOfCorrectTypeRule(),
        () => new ProvidedRequiredArgumentsRule(),
        () => new VariablesInAllowedPositionRule(),
        () => new OverlappingFieldsCanBeMergedRule(),
        () => new UniqueInputFieldNamesRule(),
        () => new MaxIntrospectionDepthRule(),
    ];

    /// <summary>Validates a document; an empty list means it may be executed.</summary>
    public static IReadOnlyList<GraphQLError> Validate(Schema schema, DocumentNode document, IReadOnlyList<Func<ValidationRule>>? rules = null, int maxErrors = 100)
    {
        var typeInfo = new TypeInfo(schema);
        var context = new ValidationContext(schema, document, typeInfo, maxErrors);
        var instances = (rules ?? SpecifiedRules).Select(create => create()).ToList();
        foreach (var rule in instances)
        {
            rule.Attach(context);
        }

        try
        {
            new DocumentWalker(typeInfo, instances).Walk(document);
        }
        catch (ValidationAbortedException)
        {
            if (context.Errors.Count == 0 || context.Errors[^1].Message != "Too many validation errors, error limit reached. Validation aborted.")
            {
                return [.. context.Errors, new GraphQLError("Validation aborted.")];
            }
        }

        return context.Errors;
    }
}
