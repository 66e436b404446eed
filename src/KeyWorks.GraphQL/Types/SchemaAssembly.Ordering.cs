namespace KeyWorks.GraphQL.Types;

internal sealed partial class SchemaAssembly
{
    /// <summary>
    /// The schema's types in the order the reference implementation lists them: defined types in document
    /// order, each followed by the types it first references, then root, directive and introspection types.
    /// </summary>
    private List<NamedType> ReachableTypes(ObjectType? query, ObjectType? mutation, ObjectType? subscription)
    {
        var ordered = new List<NamedType>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        void Collect(NamedType type)
        {
            if (!seen.Add(type.Name))
            {
                return;
            }

            ordered.Add(type);
            switch (type)
            {
                case UnionType union:
                    foreach (var member in union.Types)
                    {
                        Collect(member);
                    }

                    break;
                case FieldsType fields:
                    foreach (var iface in fields.Interfaces)
                    {
                        Collect(iface);
                    }

                    foreach (var field in fields.Fields)
                    {
                        Collect(field.Type.Named);
                        foreach (var argument in field.Arguments)
                        {
                            Collect(argument.Type.Named);
                        }
                    }

                    break;
                case InputObjectType input:
                    foreach (var field in input.Fields)
                    {
                        Collect(field.Type.Named);
                    }

                    break;
            }
        }

        var defined = _types.Values.Where(t => t.AstNodes.Count > 0).ToList();
        foreach (var type in defined)
        {
            seen.Add(type.Name);
            ordered.Add(type);
        }

        foreach (var type in defined)
        {
            // Re-adding a type moves it to the end, after the types added before it.
            ordered.Remove(type);
            seen.Remove(type.Name);
            Collect(type);
        }

        foreach (var root in new[] { query, mutation, subscription })
        {
            if (root is not null)
            {
                Collect(root);
            }
        }

        foreach (var directive in _directives.Values)
        {
            foreach (var argument in directive.Arguments)
            {
                Collect(argument.Type.Named);
            }
        }

        Collect(Introspection.IntrospectionTypes.Get("__Schema"));
        return ordered;
    }

    /// <summary>Directives as the reference implementation lists them: those the SDL defines, then the missing built-in ones.</summary>
    private IEnumerable<DirectiveDefinition> OrderedDirectives() =>
        _directives.Values.Where(d => d.AstNode is not null).Concat(_directives.Values.Where(d => d.AstNode is null));
}
