namespace KeyWorks.GraphQL.Types;

/// <summary>Type relations from the spec: sub-typing for covariant fields and variable positions.</summary>
public static class TypeComparators
{
    /// <summary>True when a value of <paramref name="maybeSubType"/> may be used where <paramref name="superType"/> is expected.</summary>
    public static bool IsTypeSubTypeOf(Schema schema, GraphQLType maybeSubType, GraphQLType superType)
    {
        if (GraphQLType.AreEqual(maybeSubType, superType))
        {
            return true;
        }

        if (superType is NonNullType superNonNull)
        {
            return maybeSubType is NonNullType subNonNull && IsTypeSubTypeOf(schema, subNonNull.OfType, superNonNull.OfType);
        }

        if (maybeSubType is NonNullType nonNull)
        {
            return IsTypeSubTypeOf(schema, nonNull.OfType, superType);
        }

        if (superType is ListType superList)
        {
            return maybeSubType is ListType subList && IsTypeSubTypeOf(schema, subList.OfType, superList.OfType);
        }

        if (maybeSubType is ListType)
        {
            return false;
        }

        return superType is NamedType { IsAbstract: true } abstractType
            && maybeSubType is FieldsType subType
            && schema.IsSubType(abstractType, subType);
    }
}
