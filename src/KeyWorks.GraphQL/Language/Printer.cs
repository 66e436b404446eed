using System.Globalization;
using System.Text;

namespace KeyWorks.GraphQL.Language;

/// <summary>
/// Prints a syntax tree back to GraphQL text in the conventional layout: two-space indentation, one
/// selection per line, arguments wrapped onto their own lines when a field line would pass 80 characters.
/// </summary>
public static class Printer
{
    private const int MaxLineLength = 80;

    public static string Print(SyntaxNode node) => node switch
    {
        DocumentNode document => Join(document.Definitions.Select(Print), "\n\n"),
        OperationDefinitionNode operation => PrintOperation(operation),
        VariableDefinitionNode variable => WithDescription(variable.Description, Print(variable.Variable) + ": " + Print(variable.Type)
            + Wrap(" = ", variable.DefaultValue is null ? "" : Print(variable.DefaultValue))
            + Wrap(" ", Directives(variable.Directives))),
        FragmentDefinitionNode fragment => WithDescription(fragment.Description, "fragment " + fragment.Name.Value + " on " + fragment.TypeCondition.Name.Value + " "
            + Wrap("", Directives(fragment.Directives), " ") + Print(fragment.SelectionSet)),
        SelectionSetNode set => Block(set.Selections.Select(Print)),
        FieldNode field => PrintField(field),
        FragmentSpreadNode spread => "..." + spread.Name.Value + Wrap(" ", Directives(spread.Directives)),
        InlineFragmentNode inline => Join(
            ["...", Wrap("on ", inline.TypeCondition?.Name.Value ?? ""), Directives(inline.Directives), Print(inline.SelectionSet)], " "),
        ArgumentNode argument => argument.Name.Value + ": " + Print(argument.Value),
        DirectiveNode directive => "@" + directive.Name.Value + Wrap("(", Join(directive.Arguments.Select(Print), ", "), ")"),
        ValueNode value => PrintValue(value),
        NamedTypeNode named => named.Name.Value,
        ListTypeNode list => "[" + Print(list.Type) + "]",
        NonNullTypeNode nonNull => Print(nonNull.Type) + "!",
        Name name => name.Value,
        TypeSystemDefinitionNode definition => PrintTypeSystem(definition),
        FieldDefinitionNode field => WithDescription(field.Description, field.Name.Value + Arguments(field.Arguments) + ": "
            + Print(field.Type) + Wrap(" ", Directives(field.Directives))),
        InputValueDefinitionNode input => WithDescription(input.Description, input.Name.Value + ": " + Print(input.Type)
            + Wrap(" = ", input.DefaultValue is null ? "" : Print(input.DefaultValue)) + Wrap(" ", Directives(input.Directives))),
        EnumValueDefinitionNode value => WithDescription(value.Description, Join([value.Name.Value, Directives(value.Directives)], " ")),
        OperationTypeDefinitionNode operationType => OperationKeyword(operationType.Operation) + ": " + operationType.Type.Name.Value,
        ObjectFieldNode objectField => objectField.Name.Value + ": " + Print(objectField.Value),
        _ => throw new ArgumentException($"Cannot print {node.GetType().Name}.", nameof(node)),
    };

    public static string OperationKeyword(OperationType operation) => operation switch
    {
        OperationType.Query => "query",
        OperationType.Mutation => "mutation",
        _ => "subscription",
    };

    private static string PrintOperation(OperationDefinitionNode operation)
    {
        var keyword = OperationKeyword(operation.Operation);
        var printedVariables = operation.VariableDefinitions.Select(Print).ToList();
        var variables = printedVariables.Any(v => v.Contains('\n', StringComparison.Ordinal))
            ? Wrap("(\n", Join(printedVariables, "\n"), "\n)")
            : Wrap("(", Join(printedVariables, ", "), ")");
        var prefix = WithDescription(operation.Description, Join([keyword, Join([operation.Name?.Value ?? "", variables], ""), Directives(operation.Directives)], " "));
        var selectionSet = Print(operation.SelectionSet);
        return operation.Operation == OperationType.Query && prefix == keyword ? selectionSet : prefix + " " + selectionSet;
    }

    private static string PrintField(FieldNode field)
    {
        var prefix = Wrap("", field.Alias?.Value ?? "", ": ") + field.Name.Value;
        var line = prefix;
        if (field.Arguments.Count > 0)
        {
            var arguments = field.Arguments.Select(Print).ToList();
            var joined = Join(arguments, ", ");
            line = prefix.Length + joined.Length + 2 > MaxLineLength
                ? prefix + "(\n" + Indent(Join(arguments, "\n")) + "\n)"
                : prefix + "(" + joined + ")";
        }

        return line + Wrap(" ", Directives(field.Directives)) + Wrap(" ", field.SelectionSet is null ? "" : Print(field.SelectionSet));
    }

    private static string PrintValue(ValueNode value) => value switch
    {
        VariableNode variable => "$" + variable.Name.Value,
        IntValueNode i => i.Value,
        FloatValueNode f => f.Value,
        StringValueNode { Block: true } s => BlockString.Print(s.Value),
        StringValueNode s => PrintString(s.Value),
        BooleanValueNode b => b.Value ? "true" : "false",
        NullValueNode => "null",
        EnumValueNode e => e.Value,
        ListValueNode list => "[" + Join(list.Values.Select(PrintValue), ", ") + "]",
        ObjectValueNode obj => "{" + Join(obj.Fields.Select(Print), ", ") + "}",
        _ => throw new ArgumentException($"Cannot print {value.GetType().Name}.", nameof(value)),
    };

    /// <summary>Prints a string as a GraphQL string literal, escaping quotes, backslashes and control characters.</summary>
    public static string PrintString(string value)
    {
        var builder = new StringBuilder(value.Length + 2).Append('"');
        foreach (var c in value)
        {
            switch (c)
            {
                case '"': builder.Append("\\\""); break;
                case '\\': builder.Append("\\\\"); break;
                case '\b': builder.Append("\\b"); break;
                case '\t': builder.Append("\\t"); break;
                case '\n': builder.Append("\\n"); break;
                case '\f': builder.Append("\\f"); break;
                case '\r': builder.Append("\\r"); break;
                default:
                    if (c < 0x20 || (c >= 0x7F && c <= 0x9F))
                    {
                        builder.Append("\\u").Append(((int)c).ToString("X4", CultureInfo.InvariantCulture));
                    }
                    else
                    {
                        builder.Append(c);
                    }

                    break;
            }
        }

        return builder.Append('"').ToString();
    }

    private static string PrintTypeSystem(TypeSystemDefinitionNode definition)
    {
        var extend = definition.IsExtension ? "extend " : "";
        var directives = Directives(definition.Directives);
        var body = definition switch
        {
            SchemaDefinitionNode schema => Join([extend + "schema", directives, Block(schema.OperationTypes.Select(Print))], " "),
            ScalarTypeDefinitionNode scalar => Join([extend + "scalar", scalar.Name.Value, directives], " "),
            ObjectTypeDefinitionNode type => Join(
                [extend + "type", type.Name.Value, Wrap("implements ", Join(type.Interfaces.Select(Print), " & ")), directives, Block(type.Fields.Select(Print))], " "),
            InterfaceTypeDefinitionNode type => Join(
                [extend + "interface", type.Name.Value, Wrap("implements ", Join(type.Interfaces.Select(Print), " & ")), directives, Block(type.Fields.Select(Print))], " "),
            UnionTypeDefinitionNode union => Join(
                [extend + "union", union.Name.Value, directives, Wrap("= ", Join(union.Types.Select(Print), " | "))], " "),
            EnumTypeDefinitionNode type => Join([extend + "enum", type.Name.Value, directives, Block(type.Values.Select(Print))], " "),
            InputObjectTypeDefinitionNode type => Join([extend + "input", type.Name.Value, directives, Block(type.Fields.Select(Print))], " "),
            DirectiveDefinitionNode directive => "directive @" + directive.Name.Value + Arguments(directive.Arguments)
                + (directive.Repeatable ? " repeatable" : "") + " on " + Join(directive.Locations.Select(l => l.Value), " | "),
            _ => throw new ArgumentException($"Cannot print {definition.GetType().Name}.", nameof(definition)),
        };
        return definition.IsExtension ? body : WithDescription(definition.Description, body);
    }

    private static string Arguments(IReadOnlyList<InputValueDefinitionNode> arguments)
    {
        var printed = arguments.Select(Print).ToList();
        return printed.Any(a => a.Contains('\n', StringComparison.Ordinal))
            ? Wrap("(\n", Indent(Join(printed, "\n")), "\n)")
            : Wrap("(", Join(printed, ", "), ")");
    }

    private static string WithDescription(StringValueNode? description, string text) =>
        description is null ? text : PrintValue(description) + "\n" + text;

    private static string Directives(IReadOnlyList<DirectiveNode> directives) => Join(directives.Select(Print), " ");

    private static string Block(IEnumerable<string> items)
    {
        var joined = Join(items, "\n");
        return joined.Length == 0 ? "" : "{\n" + Indent(joined) + "\n}";
    }

    private static string Indent(string text) => text.Length == 0 ? text : "  " + text.Replace("\n", "\n  ", StringComparison.Ordinal);

    private static string Wrap(string start, string text, string end = "") => text.Length == 0 ? "" : start + text + end;

    private static string Join(IEnumerable<string> items, string separator) => string.Join(separator, items.Where(i => i.Length > 0));
}
