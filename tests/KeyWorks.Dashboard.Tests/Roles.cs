namespace KeyWorks.Dashboard.Tests;

/// <summary>The demo users by role name, for theories.</summary>
internal static class Roles
{
    public static (string Name, string Password) User(string role) => role switch
    {
        "office" => DashboardSite.Users.Office,
        "leader" => DashboardSite.Users.Leader,
        "contractor" => DashboardSite.Users.Contractor,
        "auditor" => DashboardSite.Users.Auditor,
        _ => throw new ArgumentOutOfRangeException(nameof(role), role, "no such demo role"),
    };
}
