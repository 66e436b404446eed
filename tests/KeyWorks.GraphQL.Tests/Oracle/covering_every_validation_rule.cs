using System.Text.Json.Nodes;

namespace KeyWorks.GraphQL.Tests.Oracle;

/// <summary>The corpus makes graphql-js report an error of every validation rule, so each rule is compared.</summary>
public sealed class covering_every_validation_rule
{
    public static TheoryData<string, string> Rules => new()
    {
        { "ExecutableDefinitions", "definition is not executable." },
        { "UniqueOperationNames", "There can be only one operation named" },
        { "LoneAnonymousOperation", "This anonymous operation must be the only defined operation." },
        { "SingleFieldSubscriptions", "must select only one top level field." },
        { "KnownTypeNames", "Unknown type \"" },
        { "FragmentsOnCompositeTypes", "cannot condition on non composite type" },
        { "VariablesAreInputTypes", "cannot be non-input type" },
        { "ScalarLeafs", "must have a selection of subfields." },
        { "FieldsOnCorrectType", "Cannot query field" },
        { "UniqueFragmentNames", "There can be only one fragment named" },
        { "KnownFragmentNames", "Unknown fragment \"" },
        { "NoUnusedFragments", "is never used." },
        { "PossibleFragmentSpreads", "cannot be spread here as objects of type" },
        { "NoFragmentCycles", "Cannot spread fragment" },
        { "UniqueVariableNames", "There can be only one variable named" },
        { "NoUndefinedVariables", "is not defined" },
        { "NoUnusedVariables", "is never used in operation" },
        { "KnownDirectives", "Unknown directive \"" },
        { "UniqueDirectivesPerLocation", "can only be used once at this location." },
        { "KnownArgumentNames", "Unknown argument \"" },
        { "UniqueArgumentNames", "There can be only one argument named" },
        { "ValuesOfCorrectType", "Expected value of type" },
        { "ProvidedRequiredArguments", "is required, but it was not provided." },
        { "VariablesInAllowedPosition", "used in position expecting type" },
        { "OverlappingFieldsCanBeMerged", "Use different aliases on the fields to fetch both if this was intentional." },
        { "UniqueInputFieldNames", "There can be only one input field named" },
        { "MaxIntrospectionDepth", "Maximum introspection depth exceeded" },
    };

    [Theory]
    [MemberData(nameof(Rules))]
    public void graphql_js_reports_the_rule_for_some_corpus_document(string rule, string messagePart)
    {
        var reported = GraphQLJsOracle.Instance.Results
            .Select(r => r.Value!["validationErrors"] as JsonArray)
            .Where(errors => errors is not null)
            .SelectMany(errors => errors!)
            .Any(e => e!["message"]!.GetValue<string>().Contains(messagePart, StringComparison.Ordinal));

        Assert.True(reported, $"No corpus document triggers {rule}.");
    }
}
