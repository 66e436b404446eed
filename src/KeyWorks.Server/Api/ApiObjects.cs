using KeyWorks.Domain;

namespace KeyWorks.Server.Api;

/// <summary>
/// Result objects and global ids. A global id is <c>Type:localId</c> (e.g. <c>Project:p01</c>, <c>User:office-zhou</c>):
/// readable in logs, opaque to clients by the contract, and enough for <c>node(id:)</c> to know where to look.
/// </summary>
public static class ApiObjects
{
    public static string GlobalId(string type, string localId) => $"{type}:{localId}";

    /// <summary>The type and local id of a global id, or null when it is not one of ours.</summary>
    public static (string Type, string LocalId)? ParseGlobalId(string id) =>
        id.IndexOf(':', StringComparison.Ordinal) is > 0 and var colon && colon < id.Length - 1 ? (id[..colon], id[(colon + 1)..]) : null;

    public static Dictionary<string, object?> User(ApiUser user) => new()
    {
        ["__typename"] = "User",
        ["id"] = GlobalId("User", user.UserId),
        ["userId"] = user.UserId,
        ["username"] = user.UserId,
        ["name"] = user.Name,
        ["role"] = RoleName(user.Role),
        ["roleValue"] = user.Role,
        ["unit"] = user.Unit is null ? null : Unit(user.Unit),
    };

    public static Dictionary<string, object?> Unit(string name) => new()
    {
        ["__typename"] = "Unit",
        ["id"] = GlobalId("Unit", name),
        ["name"] = name,
    };

    public static string RoleName(Role role) => role.ToString().ToUpperInvariant();
}
